namespace Portal.Tests.Instances;

/// <summary>
/// The deployment of <see cref="InstancesFixture"/> with a bank that commits every order and then holds its answer for
/// minutes, so a real-time payment waits between steps 4 and 6 on the instance that sent it until that instance is
/// killed. Instance A never reconciles on its own in time; B reconciles soon, and takes a dead holder's lease quickly.
/// </summary>
public sealed class InstanceDeathFixture : InstancesFixture
{
    protected override IDictionary<string, string> BankSettings() => new Dictionary<string, string>
    {
        ["SandboxBank:LostResponseRate"] = "1",
        ["SandboxBank:LostResponseDelay"] = "00:05:00",
    };

    protected override IDictionary<string, string> PortalSettings(string name) => new Dictionary<string, string>
    {
        ["Rail:Timeout"] = "00:05:00",
        ["WorkLeases:Duration"] = "00:00:02",
        ["Reconciler:Interval"] = "00:00:00.500",
        ["Payments:ReconcileAfter"] = name == "a" ? "00:10:00" : "00:00:03",
    };
}
