using System.Threading.Channels;
using Portal.Domain.Payments;
using Portal.Domain.Rails;

namespace Portal.Rails;

/// <summary>
/// Where rail callbacks wait to be recorded, so that the results arriving together are saved together
/// (<see cref="PaymentOutcomes.RecordRailResultsAsync"/>): one writer takes whatever has queued while it saved the
/// previous batch. A lone callback is saved at once, as before; a burst is saved in batches that grow with it, which is
/// what keeps the push to thousands of waiting pages fast when their results arrive at once (README, capacity).
/// Each callback is answered only once its result is committed, so the rail's retry rules are unchanged.
/// </summary>
public sealed partial class RailResultQueue(PaymentOutcomes outcomes, ILogger<RailResultQueue> logger) : BackgroundService
{
    // Enough to take a second's burst in a few commits; small enough that one batch's read stays one short query.
    private const int MaxBatch = 64;

    private readonly Channel<Waiting> _queue = Channel.CreateUnbounded<Waiting>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>
    /// Records a payment's rail result with whatever else is queued; returns the payment as recorded, or null when no
    /// payment has that order id.
    /// </summary>
    public Task<PaymentSnapshot?> RecordAsync(RailResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        // Completed by the writer: the caller's continuation must not run on (and hold up) the writer's thread.
        var waiting = new Waiting(result, new TaskCompletionSource<PaymentSnapshot?>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(waiting))
        {
            throw new InvalidOperationException("Portal is shutting down.");
        }
        return waiting.Recorded.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Waiting>(MaxBatch);
        var results = new List<RailResult>(MaxBatch);
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && reader.TryRead(out var waiting))
                {
                    batch.Add(waiting);
                    results.Add(waiting.Result);
                }
                await RecordAsync(batch, results);
                batch.Clear();
                results.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // Callbacks still queued at shutdown get no answer from this process; the rail sends them again, or the
        // reconciler of the next one asks for them.
        _queue.Writer.TryComplete();
        while (reader.TryRead(out var left))
        {
            left.Recorded.TrySetCanceled(stoppingToken);
        }
    }

    private async Task RecordAsync(List<Waiting> batch, List<RailResult> results)
    {
        try
        {
            // Once taken, a batch is finished even while Portal stops: the rail has been told nothing yet.
            var recorded = await outcomes.RecordRailResultsAsync(results, CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Recorded.TrySetResult(recorded[i]);
            }
        }
        catch (Exception ex)
        {
            // Each callback of the batch learns it failed and its rail sends it again; recording a result is idempotent,
            // so whatever was committed before the failure is not recorded twice.
            LogBatchFailed(ex, batch.Count);
            foreach (var waiting in batch)
            {
                waiting.Recorded.TrySetException(ex);
            }
        }
    }

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "Recording a batch of {Count} rail results failed")]
    private partial void LogBatchFailed(Exception exception, int count);

    private sealed record Waiting(RailResult Result, TaskCompletionSource<PaymentSnapshot?> Recorded);
}
