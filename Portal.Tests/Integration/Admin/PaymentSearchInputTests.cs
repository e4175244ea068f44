using Portal.Admin.Payments;
using Portal.Data;
using Portal.Domain.Payments;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Admin;

/// <summary>What staff type into the payments search, odd or not, against the stored search columns.</summary>
public abstract class PaymentSearchInputTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset First = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private AdminDatabase _database = default!;
    private IReadOnlyList<Payment> _demo = [];
    private IReadOnlyList<Payment> _wild = [];

    public async Task InitializeAsync()
    {
        _database = await AdminDatabase.CreateAsync(provider);
        _demo = await new PaymentHistoryBuilder(_database.Demo).WithCount(30).StartingAt(First, TimeSpan.FromHours(1))
            .WithReferencePrefix("ORD-").SaveAsync(_database);
        _wild = await new PaymentHistoryBuilder(_database.Demo).WithCount(3).StartingAt(First, TimeSpan.FromHours(1))
            .WithReferencePrefix("a%b_c[d]-").SaveAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task List_OneCharacter_FindsTheReferencesItStarts()
    {
        var page = await ListAsync("O");

        Assert.Equal(30, page.Count.Value);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task List_WholeIdInEitherCase_FindsThatPayment(bool upper)
    {
        var id = _demo[4].Id.ToString();

        var page = await ListAsync(upper ? id.ToUpperInvariant() : id.ToLowerInvariant());

        Assert.Equal(_demo[4].Id, Assert.Single(page.Rows).Id);
    }

    [Fact]
    public async Task List_CheckoutId_FindsItsPayments()
    {
        var page = await ListAsync(_demo[6].CheckoutId.ToString());

        Assert.Equal(_demo[6].Id, Assert.Single(page.Rows).Id);
    }

    [Fact]
    public async Task List_IdFirstBlockUpperCase_FindsThePayment()
    {
        var page = await ListAsync(_demo[9].Id.ToString()[..8].ToUpperInvariant());

        Assert.Contains(page.Rows, r => r.Id == _demo[9].Id);
        Assert.All(page.Rows, r => Assert.Equal(Payment.IdPrefixOf(_demo[9].Id), Payment.IdPrefixOf(r.Id)));
    }

    [Fact]
    public async Task List_IdShorterThanItsFirstBlock_IsReadAsAReferenceOnly()
    {
        var page = await ListAsync(_demo[9].Id.ToString()[..7]);

        Assert.Equal(0, page.Count.Value);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("[")]
    [InlineData("a%b_c[d]")]
    [InlineData("a%b_c[d]-00001")]
    public async Task List_Wildcards_AreMatchedLiterally(string search)
    {
        var page = await ListAsync(search);

        var expected = _wild.Where(p => p.MerchantReference!.StartsWith(search, StringComparison.Ordinal)).Select(p => p.Id).Order();
        Assert.Equal(expected, page.Rows.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task List_ReferenceEndingInTheLastCharacterThereIs_FindsNothingElse()
    {
        var page = await ListAsync("ORD-\U0010FFFF");

        Assert.Equal(0, page.Count.Value);
    }

    private Task<PaymentPage> ListAsync(string search) =>
        new PaymentQueries(_database, AdminDatabase.StaffOf(_database.Demo))
            .ListAsync(new PaymentListQuery(100) { Filter = PaymentFilter.None with { Search = search } });
}

public sealed class PaymentSearchInputOnSqliteTests() : PaymentSearchInputTests(DatabaseProvider.Sqlite);

public sealed class PaymentSearchInputOnPostgresTests() : PaymentSearchInputTests(DatabaseProvider.Postgres);
