using System.Text;
using Portal.Domain.Common;

namespace Portal.Commands;

/// <summary>
/// Asks for a password on standard input: at a terminal without echo and twice (a typo there cannot be seen); from a
/// pipe one line, so that a script or a test can answer. The password never passes through the command line, where
/// other users and the shell's history can read it.
/// </summary>
internal static class PasswordPrompt
{
    public static string Read(string forWhom, TextWriter output)
    {
        output.Write($"Password for {forWhom}: ");
        output.Flush();
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine() ?? throw new DomainException("No password was given on standard input; nothing was created.");
        }
        var password = ReadHidden(output);
        output.Write("Once more: ");
        output.Flush();
        return ReadHidden(output) == password
            ? password
            : throw new DomainException("The two passwords differ; nothing was created.");
    }

    private static string ReadHidden(TextWriter output)
    {
        var typed = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
        output.WriteLine();
        return typed.ToString();
    }
}
