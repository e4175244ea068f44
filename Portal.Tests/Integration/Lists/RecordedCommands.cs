using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Tests.Integration.Lists;

/// <summary>
/// The SQL the queries under test really sent, with their parameters, so a plan test explains exactly that (not a
/// hand copy of it).
/// </summary>
public sealed class RecordedCommands : DbCommandInterceptor
{
    private readonly List<RecordedCommand> _commands = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<RecordedCommand> Commands
    {
        get
        {
            lock (_gate)
            {
                return [.. _commands];
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _commands.Clear();
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Record(DbCommand command)
    {
        if (!command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var parameters = command.Parameters.Cast<DbParameter>()
            .Select(p => new RecordedParameter(p.ParameterName, p.Value, p.DbType))
            .ToList();
        lock (_gate)
        {
            _commands.Add(new RecordedCommand(command.CommandText, parameters));
        }
    }
}

public sealed record RecordedCommand(string Text, IReadOnlyList<RecordedParameter> Parameters);

public sealed record RecordedParameter(string Name, object? Value, DbType Type);
