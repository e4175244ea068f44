using Portal.Tests.Infrastructure;

namespace Portal.Tests.Domain.Qr;

/// <summary>
/// The shared EMV QR test vectors (qr-vectors.txt): the team's copy in ../shared beside the repository when present,
/// else the copy kept in this folder, so the tests never skip.
/// </summary>
public static class QrVectors
{
    private static readonly Lazy<IReadOnlyList<string[]>> Lines = new(Load);

    public static string FilePath { get; } = FindFile();

    /// <summary>Id, payload, expected "tag=value;..." of every VALID line.</summary>
    public static TheoryData<string, string, string> Valid => ToTheoryData("VALID");

    /// <summary>Id, payload, reason code of every INVALID line.</summary>
    public static TheoryData<string, string, string> Invalid => ToTheoryData("INVALID");

    /// <summary>The expected field of a VALID line as (tag, value) pairs, split at each pair's first '='.</summary>
    public static IReadOnlyList<(string Tag, string Value)> ParseExpected(string expected) =>
        expected.Split(';').Select(pair => (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..])).ToList();

    private static TheoryData<string, string, string> ToTheoryData(string kind)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var fields in Lines.Value.Where(f => f[0] == kind))
        {
            data.Add(fields[1], fields[2], fields[3]);
        }
        return data;
    }

    // Per the file's header: '#' starts a comment only in the first column, fields are split on every TAB and never
    // trimmed (values end in spaces, payloads hold '#').
    private static IReadOnlyList<string[]> Load() =>
        File.ReadAllText(FilePath)
            .Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('\t'))
            .Select(fields => fields.Length == 4
                ? fields
                : throw new InvalidDataException($"{FilePath}: a vector line has {fields.Length} fields, not 4: {string.Join(" | ", fields)}"))
            .ToList();

    private static string FindFile()
    {
        var shared = Path.GetFullPath(Path.Combine(TestPaths.RepositoryRoot, "..", "shared", "qr-vectors.txt"));
        return File.Exists(shared) ? shared : Path.Combine(AppContext.BaseDirectory, "Domain", "Qr", "qr-vectors.txt");
    }
}
