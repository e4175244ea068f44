namespace Portal.Commands;

/// <summary>
/// A command from the command line (<c>dotnet Portal.dll create-operator --email ops@example.com</c>): its name, its own
/// options (a flag's value is null), and the rest, which configures Portal as it would the web app
/// (<c>--Database:Provider=Postgres</c>).
/// </summary>
public sealed record PortalCommand(string Name, IReadOnlyDictionary<string, string?> Options, string[] HostArguments)
{
    public string? Option(string name) => Options.GetValueOrDefault(name);

    public bool Has(string name) => Options.ContainsKey(name);
}
