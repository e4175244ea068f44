using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace Portal.SecurityHeaders;

/// <summary>
/// The Content-Security-Policy: Portal's own origin for everything, and the one inline script Blazor writes (the
/// import map) allowed by its hash. The API reference at /scalar has a policy of its own.
/// </summary>
internal sealed class ContentSecurityPolicy
{
    // Shared by both policies. connect-src 'self' covers the circuit's ws:/wss: to the same host (CSP Level 3, as
    // Chromium and Firefox do). img-src data: is for the QR codes, rendered as SVG data URIs. frame-ancestors 'self':
    // no other site may frame a checkout or the admin (clickjacking; the framework sends it itself only while circuits
    // are compressed, which Program.cs turns off, and Portal's own pages may still frame each other). form-action 'self': every form posts to Portal;
    // a merchant's return address is reached by a link or a navigation, never by a form.
    private const string Common =
        "default-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    // 'unsafe-inline' for styles only: MudBlazor writes style="" attributes (positions of popovers, widths, colours
    // given as parameters) and its theme as a <style> element, and the pages' own Style= parameters do the same.
    // A hash cannot cover style attributes. Scripts stay strict.
    private const string Styles = "style-src 'self' 'unsafe-inline'";

    // Scalar's page starts its script from an inline <script> holding its configuration, and its client sets styles
    // inline. It reads the OpenAPI document from Portal and calls only Portal's API (its proxy is not used).
    private const string ApiReference = $"{Common}; {Styles}; script-src 'self' 'unsafe-inline'";

    private readonly ConditionalWeakTable<ImportMapDefinition, string> _importMapHashes = [];

    public static PathString ApiReferencePath { get; } = "/scalar";

    public string For(HttpContext context, PathString requested)
    {
        if (requested.StartsWithSegments(ApiReferencePath))
        {
            return ApiReference;
        }
        // A component page carries its import map (ImportMap in App.razor writes it inline, for the fingerprinted
        // module scripts such as the reconnect modal's); its hash allows exactly that text and no other inline script.
        var importMap = context.GetEndpoint()?.Metadata.GetMetadata<ImportMapDefinition>();
        return importMap is null
            ? $"{Common}; {Styles}; script-src 'self'"
            : $"{Common}; {Styles}; script-src 'self' '{_importMapHashes.GetValue(importMap, Hash)}'";
    }

    private static string Hash(ImportMapDefinition importMap) =>
        // ToString is the JSON the ImportMap component writes between the script tags, byte for byte.
        "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap.ToString())));
}
