using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.ApiKeys;

namespace Portal.Api.Keys;

/// <summary>
/// <c>Authorization: Bearer psk_…</c>: finds the key by the id inside the secret, compares the salted hash in constant
/// time, refuses revoked keys, and records the last use at most once a minute. Failures answer 401 problem details
/// that say what is wrong with the key, never whether some other merchant's key exists.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<PortalDbContext> contexts,
    IProblemDetailsService problems,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header must be \"Bearer\" followed by an API key.");
        }
        var secret = header[BearerPrefix.Length..].Trim();
        if (!ApiKey.TryReadId(secret, out var keyId))
        {
            return AuthenticateResult.Fail("The API key is malformed: keys start with \"psk_\".");
        }

        await using var db = await contexts.CreateDbContextAsync(Context.RequestAborted);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId, Context.RequestAborted);
        if (key is null || !key.Matches(secret))
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }
        if (!key.IsActive)
        {
            return AuthenticateResult.Fail("The API key has been revoked.");
        }
        if (key.Touch(time.GetUtcNow()))
        {
            // A bare update, not the key's version: a revocation in the same instant must not fail for a timestamp.
            await db.ApiKeys.Where(k => k.Id == key.Id)
                .ExecuteUpdateAsync(k => k.SetProperty(x => x.LastUsedAt, key.LastUsedAt), Context.RequestAborted);
        }

        var claims = new List<Claim>
        {
            new(ApiKeyDefaults.KeyIdClaim, key.Id.ToString()),
            new(ApiKeyDefaults.KeyNameClaim, key.Name),
            new(ApiKeyDefaults.MerchantIdClaim, key.MerchantId.ToString()),
        };
        claims.AddRange(ApiScope.Names(key.Scopes).Select(name => new Claim(ApiKeyDefaults.ScopeClaim, name)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyDefaults.Scheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiKeyDefaults.Scheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = result.Failure?.Message ?? "Send an API key: Authorization: Bearer psk_…",
                Extensions = { ["code"] = ApiErrorCodes.Unauthorized },
            },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "This API key does not have the scope this request needs.",
                Extensions = { ["code"] = ApiErrorCodes.InsufficientScope },
            },
        });
    }
}
