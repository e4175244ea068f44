using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Portal.Bench;

/// <summary>
/// Inserts entities of one type as their EF model (Portal's, or the sandbox bank's) maps them (its table, columns, value
/// converters and the provider's parameter types, all read from the model) with one prepared statement reused for every
/// row or group of rows: the bulk path SaveChanges lacks, since it walks each entity through the change tracker and
/// builds its statements anew.
/// </summary>
/// <remarks>
/// SQLite runs in this process, so a prepared one-row insert costs little per row, while a statement of many rows
/// costs more: SQLite finds a named parameter by a linear search, which makes binding a wide statement quadratic.
/// A server pays a round trip per statement instead, so PostgreSQL gets hundreds of rows per statement.
/// </remarks>
internal sealed class HistoryTable
{
    // PostgreSQL takes at most 65,535 parameters in a statement.
    private const int MaxServerParameters = 30_000;

    private readonly string _insertInto;
    private readonly (IProperty Property, RelationalTypeMapping Mapping)[] _columns;
    private readonly int _rowsPerStatement;

    private HistoryTable(string insertInto, (IProperty, RelationalTypeMapping)[] columns, int rowsPerStatement)
    {
        _insertInto = insertInto;
        _columns = columns;
        _rowsPerStatement = rowsPerStatement;
    }

    public static HistoryTable Of<T>(DbContext db)
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in {db.GetType().Name}'s model.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = type.GetProperties()
            .Where(p => !NumberedByDatabase(p))
            .Select(p => (p, (RelationalTypeMapping)p.GetRelationalTypeMapping())).ToArray();
        var names = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.p.GetColumnName(table)!)));
        var rows = db.Database.IsSqlite() ? 1 : Math.Max(1, Math.Min(500, MaxServerParameters / columns.Length));
        return new HistoryTable($"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({names}) VALUES ", columns, rows);
    }

    // An integer key generated on add (the bank's ledger entries) is the database's to number, as with SaveChanges.
    private static bool NumberedByDatabase(IProperty property) =>
        property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType == typeof(long);

    public async Task InsertAsync<T>(DbConnection connection, DbTransaction transaction, IReadOnlyList<T> entities)
        where T : class
    {
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < entities.Count; start += _rowsPerStatement)
            {
                var rows = Math.Min(_rowsPerStatement, entities.Count - start);
                if (rows == _rowsPerStatement)
                {
                    full ??= await PrepareAsync(connection, transaction, rows);
                    await ExecuteAsync(full, entities, start, rows);
                }
                else
                {
                    await using var rest = await PrepareAsync(connection, transaction, rows);
                    await ExecuteAsync(rest, entities, start, rows);
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
    }

    private async Task<DbCommand> PrepareAsync(DbConnection connection, DbTransaction transaction, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder(_insertInto, _insertInto.Length + rows * _columns.Length * 8);
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < _columns.Length; c++)
            {
                var (property, mapping) = _columns[c];
                var name = "@p" + (r * _columns.Length + c).ToString(CultureInfo.InvariantCulture);
                text.Append(c == 0 ? name : ", " + name);
                command.Parameters.Add(mapping.CreateParameter(command, name, null, property.IsNullable));
            }
            text.Append(')');
        }
        command.CommandText = text.ToString();
        await command.PrepareAsync();
        return command;
    }

    private async Task ExecuteAsync<T>(DbCommand command, IReadOnlyList<T> entities, int start, int rows)
        where T : class
    {
        for (var r = 0; r < rows; r++)
        {
            var entity = entities[start + r];
            for (var c = 0; c < _columns.Length; c++)
            {
                var (property, mapping) = _columns[c];
                var value = property.GetGetter().GetClrValue(entity);
                // The model's converter turns the domain's value into the column's (enum names, UTC ticks), as SaveChanges would.
                if (value is not null && mapping.Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }
                command.Parameters[r * _columns.Length + c].Value = value ?? DBNull.Value;
            }
        }
        await command.ExecuteNonQueryAsync();
    }
}
