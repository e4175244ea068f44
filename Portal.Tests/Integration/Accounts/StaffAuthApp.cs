using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Data;
using Portal.Domain.Merchants;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Accounts;

/// <summary>
/// The real app for the staff sign-in rules, on a clock the tests move, with tight limits of its own, trusting
/// 127.0.0.1 as a proxy so that each test client can say which address it signs in from (X-Forwarded-For).
/// </summary>
public class StaffAuthApp : IAsyncLifetime
{
    public const string Password = DemoStaff.Password;

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public PortalApp App { get; private set; } = default!;

    /// <summary>Settings beyond the defaults below, for a derived fixture.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
            ["Staff:Lockout:MaxFailuresPerAddress"] = "5",
            ["Staff:Lockout:MaxFailedAttempts"] = "3",
            ["Staff:Sessions:IdleTimeout"] = "00:30:00",
            ["Staff:Sessions:AbsoluteLifetime"] = "02:00:00",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }
        App = new PortalApp(settings, Time);
        _ = App.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>A member no other test uses, at a domain the Development demo does not exempt from two-factor.</summary>
    public async Task<string> NewStaffAsync(string prefix, StaffRole role = StaffRole.Viewer, string merchant = DemoData.DemoShop)
    {
        var email = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)] + "@shop.example";
        await DemoStaff.CreateAsync(App.Services, email, role, merchant);
        return email;
    }

    /// <summary>A browser at <paramref name="address"/>, behind the trusted proxy; redirects are not followed.</summary>
    public HttpClient ClientAt(string address)
    {
        var client = StaffHttpClient.Anonymous(App.BaseAddress);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    /// <summary>Posts the sign-in form; the answer (a redirect when signed in, the form again with a message when not).</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, bool rememberMe = false)
    {
        var fields = new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password };
        if (rememberMe)
        {
            fields["Input.RememberMe"] = "true";
        }
        return StaffHttpClient.SubmitFormAsync(client, "Account/Login", fields);
    }

    public async Task<PortalUser> UserAsync(string email)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No user {email}.");
    }

    /// <summary>Where a redirect points, as a path; null when the answer is no redirect.</summary>
    public static string? RedirectPath(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location is { } location
            ? (location.IsAbsoluteUri ? location.PathAndQuery : "/" + location.OriginalString.TrimStart('/'))
            : null;
}
