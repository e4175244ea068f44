using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Branding;

/// <summary>Merchants' logos, anonymous: customers see them on the checkout, and a logo is public by nature.</summary>
public static class BrandingEndpoints
{
    public static IEndpointRouteBuilder MapBranding(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/media/logo/{merchantId:guid}", GetLogoAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> GetLogoAsync(Guid merchantId,
        IDbContextFactory<PortalDbContext> contexts, HttpResponse response, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var logo = await db.MerchantLogos.AsNoTracking().FirstOrDefaultAsync(l => l.MerchantId == merchantId, cancellationToken);
        if (logo is null)
        {
            return TypedResults.NotFound();
        }
        // Only PNG or JPEG get here (MerchantLogo checks the bytes); nosniff keeps browsers from guessing otherwise.
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.File(logo.Content, logo.ContentType, lastModified: logo.UploadedAt);
    }
}
