using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Portal.Api.Documentation;

/// <summary>
/// Groups operations by the resource they act on (the reference's sidebar), instead of the framework's default of one
/// group named after the application. A refund created under a payment's route belongs with the refunds.
/// An endpoint that names its own tags keeps them.
/// </summary>
internal sealed class ApiTagsTransformer : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, (string Name, string Description)> Tags = new(StringComparer.Ordinal)
    {
        ["checkouts"] = ("Checkouts", "A checkout is what a customer pays: create one, send the customer to its `url`, read its status."),
        ["payments"] = ("Payments", "Each attempt to pay a checkout, with its seven steps and their times."),
        ["refunds"] = ("Refunds", "Money sent back for a succeeded payment, in full or in part."),
        ["key"] = ("Keys", "The API key making the call."),
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var applicationName = context.ApplicationServices.GetRequiredService<IHostEnvironment>().ApplicationName;
        if (operation.Tags is { Count: > 0 } own && own.Any(t => t.Name != applicationName))
        {
            return Task.CompletedTask;
        }
        var segments = ApiOperationKey.Of(context.Description).Split(' ', 2)[1].Split('/');
        // api/v1/{resource}[/{}[/{sub-resource}]]: the innermost resource names the group.
        var resource = segments.Length >= 5 ? segments[4] : segments.Length >= 3 ? segments[2] : "";
        if (!Tags.TryGetValue(resource, out var tag))
        {
            return Task.CompletedTask;
        }
        var document = context.Document;
        if (document is not null)
        {
            document.Tags ??= new HashSet<OpenApiTag>();
            foreach (var framework in document.Tags.Where(t => t.Name == applicationName).ToList())
            {
                document.Tags.Remove(framework);
            }
            if (!document.Tags.Any(t => t.Name == tag.Name))
            {
                document.Tags.Add(new OpenApiTag { Name = tag.Name, Description = tag.Description });
            }
        }
        operation.Tags = new HashSet<OpenApiTagReference> { new(tag.Name, document) };
        return Task.CompletedTask;
    }
}
