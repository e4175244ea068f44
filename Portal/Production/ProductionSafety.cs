using Portal.Hosting;

namespace Portal.Production;

public static class ProductionSafety
{
    /// <summary>
    /// Outside Development, refuses to build the app while any setting is unsafe (<see cref="UnsafeSettings"/>), naming
    /// them all at once so that one restart fixes them. The demo rows are checked later, once the database is ready
    /// (<see cref="DemoRows"/>). The commands (migrate, create-operator) skip this: they serve nobody.
    /// </summary>
    public static IHostApplicationBuilder AddProductionSafety(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var problems = UnsafeSettings.Find(builder.Configuration, builder.Environment);
        if (problems.Count > 0)
        {
            throw new StartupRefusedException(Describe(problems));
        }
        return builder;
    }

    /// <summary>One problem as its sentence; several as a list under a heading.</summary>
    public static string Describe(IReadOnlyList<string> problems) => problems.Count == 1
        ? problems[0]
        : $"{problems.Count} things are unsafe outside Development:{Environment.NewLine}" +
          string.Join(Environment.NewLine, problems.Select(problem => "  - " + problem));
}
