using System.Globalization;

namespace Portal.Admin.Shared;

/// <summary>How the admin portal writes instants and durations, the same on every page.</summary>
public static class DisplayFormat
{
    /// <summary>The instant in the server's local time zone, to the second ("2026-11-25 14:03:07").</summary>
    public static string Time(DateTimeOffset at) =>
        at.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.CurrentCulture);

    /// <summary>The instant in local time to the minute ("2026-11-25 14:03"), where seconds tell nothing (a link's dates).</summary>
    public static string Minute(DateTimeOffset at) =>
        at.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.CurrentCulture);

    /// <summary>The instant in local time with milliseconds, as the step timeline needs ("14:03:07.125").</summary>
    public static string TimeWithMilliseconds(DateTimeOffset at) =>
        at.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.CurrentCulture);

    /// <summary>A duration people read at a glance: "412 ms", "3.25 s", "2 min 05 s", "1 h 02 min".</summary>
    public static string Duration(TimeSpan? duration)
    {
        if (duration is not { } d)
        {
            return "—";
        }
        if (d < TimeSpan.Zero)
        {
            d = TimeSpan.Zero;
        }
        return d.TotalSeconds switch
        {
            < 1 => $"{d.TotalMilliseconds.ToString("0", CultureInfo.CurrentCulture)} ms",
            < 60 => $"{d.TotalSeconds.ToString("0.00", CultureInfo.CurrentCulture)} s",
            < 3600 => $"{(int)d.TotalMinutes} min {d.Seconds:00} s",
            _ => $"{(int)d.TotalHours} h {d.Minutes:00} min",
        };
    }
}
