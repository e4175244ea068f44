using Portal.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A database provider as a type argument (<see cref="OnSqlite"/>, <see cref="OnPostgres"/>): xunit makes a shared
/// fixture once per type, so a fixture generic in its provider gives each provider's test class its own app.
/// </summary>
public interface IProviderUnderTest
{
    static abstract DatabaseProvider Provider { get; }
}
