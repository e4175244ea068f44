namespace Portal.Tests.Infrastructure;

/// <summary>Where tests put their files: temporary folders, and artifacts (screenshots) kept after the run.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>TestResults/artifacts under the repository root, or PORTAL_ARTIFACTS when set.</summary>
    public static string Artifacts
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("PORTAL_ARTIFACTS") ?? Path.Combine(RepositoryRoot, "TestResults", "artifacts");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public static string NewTempDirectory(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), "portal-tests", $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (SQLite WAL) is left for the OS's temp cleanup; the test's result does not depend on it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Portal.sln")))
            {
                return dir.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
