using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace Portal.Api.Documentation;

/// <summary>
/// An operation named by method and route with its parameters' names blanked ("POST api/v1/payments/{}/refunds"), so
/// that documentation keyed by it holds whatever the endpoint calls its route values.
/// </summary>
internal static class ApiOperationKey
{
    public static string Of(ApiDescription description) =>
        $"{description.HttpMethod?.ToUpperInvariant()} {Blank(description.RelativePath ?? "")}";

    public static bool HasRouteValues(ApiDescription description) => description.RelativePath?.Contains('{') == true;

    private static string Blank(string path)
    {
        var query = path.IndexOf('?');
        if (query >= 0)
        {
            path = path[..query];
        }
        var result = new System.Text.StringBuilder(path.Length);
        var inside = false;
        foreach (var c in path)
        {
            if (c == '{')
            {
                inside = true;
                result.Append('{');
            }
            else if (c == '}')
            {
                inside = false;
                result.Append('}');
            }
            else if (!inside)
            {
                result.Append(c);
            }
        }
        return result.ToString().TrimEnd('/');
    }
}
