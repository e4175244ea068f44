using System.Security.Cryptography;

namespace Portal.Data;

/// <summary>
/// This process among the instances that share one database: the name its leases and claims carry. The random part
/// tells apart a restarted process that got its predecessor's pid (in a container, pid 1 every time).
/// </summary>
public sealed class InstanceIdentity
{
    public const int MaxLength = 100;

    public InstanceIdentity()
        : this($"{Environment.MachineName}/{Environment.ProcessId}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}")
    {
    }

    public InstanceIdentity(string id) => Id = id.Length <= MaxLength ? id : id[^MaxLength..];

    public string Id { get; }

    public override string ToString() => Id;
}
