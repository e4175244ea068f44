using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Data;

/// <summary>
/// Marks text that must compare byte for byte on every provider: idempotency keys, tokens, merchant references. SQLite
/// and PostgreSQL compare text exactly by default; a provider whose default does not (SQL Server) gives these columns a
/// binary collation in its own context, so the model says what, and each provider says how.
/// </summary>
internal static class ExactComparison
{
    private const string Annotation = "Portal:ComparedExactly";

    public static PropertyBuilder<TProperty> IsComparedExactly<TProperty>(this PropertyBuilder<TProperty> property) =>
        property.HasAnnotation(Annotation, true);

    public static bool IsComparedExactly(this IReadOnlyProperty property) =>
        property.FindAnnotation(Annotation)?.Value is true;
}
