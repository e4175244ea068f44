using Portal.Totals;

namespace Portal.Commands;

/// <summary>
/// <c>dotnet Portal.dll totals rebuild</c> recounts the dashboard's and the settlement report's running totals from the
/// payments and refunds (after a restore, or after an older build wrote payments without them); <c>totals check</c>
/// compares them with a recount and prints every difference, exiting 1 when there is one.
/// </summary>
internal static class TotalsCommand
{
    public static async Task<int> RunAsync(PortalCommand command, IServiceProvider services, TextWriter output)
    {
        await PortalCommands.EnsureSchemaCurrentAsync(services);
        var recount = services.GetRequiredService<TotalsRecount>();
        if (command.Name == PortalCommands.TotalsRebuild)
        {
            var (paymentDays, settlementDays) = await recount.RebuildAsync();
            await output.WriteLineAsync($"Rebuilt the running totals: {paymentDays} payment-day rows, {settlementDays} settlement-day rows.");
            return 0;
        }

        var differences = await recount.CheckAsync();
        if (differences.Count == 0)
        {
            await output.WriteLineAsync("The running totals agree with a recount of the payments and refunds.");
            return 0;
        }
        foreach (var difference in differences)
        {
            await output.WriteLineAsync(difference.ToString());
        }
        await output.WriteLineAsync($"{differences.Count} running total(s) differ from a recount; `totals rebuild` recounts them.");
        return 1;
    }
}
