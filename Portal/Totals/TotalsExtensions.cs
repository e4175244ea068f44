using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Totals;

public static class TotalsExtensions
{
    /// <summary>
    /// The running totals' upkeep: folding deltas in the background, and the rebuild and check the <c>totals</c>
    /// command runs. Writing the deltas needs nothing here: every save of <see cref="PortalDbContext"/> does it.
    /// </summary>
    public static IHostApplicationBuilder AddRunningTotals(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TotalsOptions>().BindConfiguration(TotalsOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => new TotalsCompaction(sp.GetRequiredService<IDbContextFactory<PortalDbContext>>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<TotalsOptions>>(), sp.GetService<SqliteGroupCommit>()));
        builder.Services.AddSingleton(sp => new TotalsRecount(sp.GetRequiredService<IDbContextFactory<PortalDbContext>>(),
            sp.GetService<SqliteGroupCommit>()));
        builder.Services.AddHostedService<TotalsCompactionService>();
        return builder;
    }
}
