namespace Portal.Bench;

/// <summary>
/// What the server side of <c>--waiting</c> hands its client process, as one JSON line on the client's standard input:
/// where Portal listens, the pages to open, and the bank's settled answers to post back for them; the warm-up pages go
/// first, are called back unmeasured and closed, so that the measured callbacks run compiled code. The signing secret
/// travels this way rather than on the command line, where any user of the machine could read it in the process list.
/// </summary>
/// <remarks>
/// With several instances (<c>--instances</c>), <see cref="Instances"/> lists each one's address and rail callback: a
/// page is opened on the instance it names and its callback posted to the next one, so every push crosses the bus.
/// </remarks>
internal sealed record WaitingPlan(
    IReadOnlyList<WaitingInstance> Instances,
    int Rate,
    bool Deflate,
    string SigningSecret,
    IReadOnlyList<WaitingPage> WarmupPages,
    IReadOnlyList<WaitingPage> Pages)
{
    public Uri PageAddress(WaitingPage page) => Instances[page.Instance % Instances.Count].BaseAddress;

    public Uri CallbackAddress(WaitingPage page) => Instances[(page.Instance + 1) % Instances.Count].CallbackAddress;
}

/// <summary>One Portal instance: where its pages are, and where the bank calls it back.</summary>
internal sealed record WaitingInstance(Uri BaseAddress, Uri CallbackAddress);

/// <summary>
/// One waiting customer: the checkout page to hold, the instance it is held on, and the signed callback that settles
/// its payment.
/// </summary>
internal sealed record WaitingPage(string Token, byte[] CallbackBody, int Instance = 0);

/// <summary>What the client process found, written back as one JSON line after <see cref="WaitingProtocol.ReportPrefix"/>.</summary>
internal sealed record WaitingReport(
    int Sent,
    int Opened,
    int Held,
    int Timed,
    int Missing,
    int CallbackFailures,
    double CallbacksPerSecond,
    double PushP50Milliseconds,
    double PushP99Milliseconds,
    double ClientKilobytesPerPage,
    double ClientCpuMillisecondsPerCallback);

/// <summary>The lines the two processes exchange besides free text, which the server side prints as it comes.</summary>
internal static class WaitingProtocol
{
    /// <summary>Client to server: the warm-up pages were called back and closed; the server takes its memory baseline now.</summary>
    public const string Warmed = "@warmed";

    /// <summary>Server to client: baseline taken; open the measured pages.</summary>
    public const string Open = "@open";

    /// <summary>Client to server: every page is open and idle; the server measures its memory now.</summary>
    public const string Ready = "@ready";

    /// <summary>Server to client: measured; post the callbacks.</summary>
    public const string Go = "@go";

    public const string ReportPrefix = "@report ";

    /// <summary>Server to client: the paid pages are measured; close them.</summary>
    public const string Close = "@close";
}
