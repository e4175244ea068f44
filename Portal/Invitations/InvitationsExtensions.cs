namespace Portal.Invitations;

public static class InvitationsExtensions
{
    /// <summary>Staff invitations: sent by owners and the platform operator, accepted at /invite/{token}.</summary>
    public static IHostApplicationBuilder AddInvitations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<InvitationSender>();
        builder.Services.AddScoped<InvitationAcceptance>();
        return builder;
    }
}
