namespace Portal.Hosting;

/// <summary>
/// <c>Instance:Name</c>: a name for this instance among several (a container's or host's name), sent on every answer as
/// <c>X-Portal-Instance</c> so an operator behind the load balancer can tell which instance served a request. Unset by
/// default, and then nothing is sent.
/// </summary>
public static class InstanceName
{
    public const string Setting = "Instance:Name";

    public const string Header = "X-Portal-Instance";

    public static IApplicationBuilder UseInstanceName(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var name = app.Configuration[Setting];
        if (string.IsNullOrWhiteSpace(name))
        {
            return app;
        }
        return app.Use((context, next) =>
        {
            context.Response.Headers[Header] = name;
            return next(context);
        });
    }
}
