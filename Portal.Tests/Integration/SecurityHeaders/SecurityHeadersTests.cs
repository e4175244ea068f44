using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.SecurityHeaders;

/// <summary>
/// Every kind of response Portal sends carries the same security headers: pages of each audience, the API's problems,
/// static files, health, the 404 page.
/// </summary>
public sealed partial class SecurityHeadersTests : IAsyncLifetime
{
    private readonly PortalApp _app = new();
    private HttpClient _anonymous = null!;

    public Task InitializeAsync()
    {
        _anonymous = StaffHttpClient.Anonymous(_app.BaseAddress);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _anonymous.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("checkout", HttpStatusCode.OK)]
    [InlineData("wallet", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("account", HttpStatusCode.OK)]
    [InlineData("api", HttpStatusCode.Unauthorized)]
    [InlineData("static", HttpStatusCode.OK)]
    [InlineData("health", HttpStatusCode.OK)]
    [InlineData("missing", HttpStatusCode.NotFound)]
    public async Task Get_AnyKindOfResponse_CarriesTheSecurityHeaders(string kind, HttpStatusCode status)
    {
        using var response = await GetAsync(kind);

        Assert.Equal(status, response.StatusCode);
        var policy = Header(response, "Content-Security-Policy");
        foreach (var directive in new[]
                 {
                     "default-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "connect-src 'self'",
                     "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'self'",
                 })
        {
            Assert.Contains(directive, policy.Split("; "));
        }
        Assert.DoesNotContain("unsafe-inline", ScriptSource(policy));
        Assert.DoesNotContain("unsafe-eval", ScriptSource(policy));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
        Assert.NotEmpty(Header(response, "Referrer-Policy"));
    }

    [Theory]
    [InlineData("checkout", "no-referrer")]
    [InlineData("wallet", "no-referrer")]
    [InlineData("admin", "strict-origin-when-cross-origin")]
    [InlineData("account", "strict-origin-when-cross-origin")]
    public async Task Get_Page_TokenPagesSendNoReferer(string kind, string referrerPolicy)
    {
        using var response = await GetAsync(kind);

        Assert.Equal(referrerPolicy, Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task Get_ComponentPage_ScriptSourceAllowsItsImportMapByHash()
    {
        using var response = await GetAsync("account");
        var html = await response.Content.ReadAsStringAsync();

        var importMap = ImportMapScript().Match(html);
        Assert.True(importMap.Success, "The page has no inline import map.");
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap.Groups[1].Value)));
        Assert.Equal($"script-src 'self' 'sha256-{hash}'", ScriptSource(Header(response, "Content-Security-Policy")));
    }

    [Fact]
    public async Task Get_ApiReference_AllowsItsInlineStartScriptThere()
    {
        using var response = await _anonymous.GetAsync("scalar/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("script-src 'self' 'unsafe-inline'", ScriptSource(Header(response, "Content-Security-Policy")));
    }

    private async Task<HttpResponseMessage> GetAsync(string kind)
    {
        if (kind == "admin")
        {
            using var staff = await StaffHttpClient.SignInAsync(_app.BaseAddress, "manager@demo.test");
            return await staff.GetAsync("admin");
        }
        var path = kind switch
        {
            "checkout" => $"pay/{(await DemoCheckouts.CreateAsync(_app.Services, 5.00m)).Token}",
            "wallet" => "wallet",
            "account" => "Account/Login",
            "api" => "api/v1/key",
            "static" => "favicon.png",
            "health" => "health/live",
            "missing" => "no-such-page",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        return await _anonymous.GetAsync(path);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? Assert.Single(values)
            : throw new Xunit.Sdk.XunitException($"No {name} header.");

    private static string ScriptSource(string policy) => policy.Split("; ").Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));

    [GeneratedRegex("<script type=\"importmap\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ImportMapScript();
}
