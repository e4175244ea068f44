using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Api;

/// <summary>Idempotency-Key on POST /api/v1/checkouts: one effect per key, the first answer replayed byte for byte.</summary>
public abstract class IdempotencyTests<TProvider>(ApiFixture<TProvider> fixture) : IClassFixture<ApiFixture<TProvider>>
    where TProvider : IProviderUnderTest
{
    private HttpClient Shop => fixture.Shop;

    [Fact]
    public async Task Post_WithoutKey_400KeyRequiredAndNothingCreated()
    {
        var reference = NewReference();

        using var response = await ApiCalls.PostAsync(Shop, "api/v1/checkouts", ApiCalls.CheckoutJson(reference), idempotencyKey: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("idempotency_key_required", (await ApiCalls.JsonAsync(response)).GetProperty("code").GetString());
        Assert.Equal(0, await ApiCalls.CheckoutsWithReferenceAsync(fixture.App, reference));
    }

    [Fact]
    public async Task Post_KeyLongerThan255_400KeyRequired()
    {
        using var response = await ApiCalls.PostAsync(Shop, "api/v1/checkouts", ApiCalls.CheckoutJson(NewReference()), new string('k', 256));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("idempotency_key_required", (await ApiCalls.JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Post_SameKeyAndBodyAgain_ReplaysTheFirstAnswer_AndCreatesOnce()
    {
        var reference = NewReference();
        var key = Guid.NewGuid().ToString();

        using var first = await ApiCalls.PostAsync(Shop, "api/v1/checkouts", ApiCalls.CheckoutJson(reference), key);
        using var second = await ApiCalls.PostAsync(Shop, "api/v1/checkouts", ApiCalls.CheckoutJson(reference), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await ApiCalls.CheckoutsWithReferenceAsync(fixture.App, reference));
    }

    [Fact]
    public async Task Post_SameKeyWithAnotherBody_422KeyReused_AndNothingMoreCreated()
    {
        var key = Guid.NewGuid().ToString();
        var reference = NewReference();
        using var first = await ApiCalls.PostAsync(Shop, "api/v1/checkouts", ApiCalls.CheckoutJson(reference), key);

        using var second = await ApiCalls.PostAsync(Shop, "api/v1/checkouts", ApiCalls.CheckoutJson(reference, "\"99.00\""), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal("idempotency_key_reused", (await ApiCalls.JsonAsync(second)).GetProperty("code").GetString());
        Assert.Equal(1, await ApiCalls.CheckoutsWithReferenceAsync(fixture.App, reference));
    }

    [Fact]
    public async Task Post_TwentyInParallelWithOneKey_OneCheckoutAndTwentyIdenticalAnswers()
    {
        var reference = NewReference();
        var key = Guid.NewGuid().ToString();
        var body = ApiCalls.CheckoutJson(reference);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await ApiCalls.PostAsync(Shop, "api/v1/checkouts", body, key);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Single(answers.Select(a => a.Body).Distinct());
        Assert.Equal(1, await ApiCalls.CheckoutsWithReferenceAsync(fixture.App, reference));
    }

    [Fact]
    public async Task Post_KeysDifferingOnlyInCase_AreTwoKeysAndTwoCheckouts()
    {
        var reference = NewReference();
        var key = "order-abc-" + reference;

        using var lower = await ApiCalls.PostAsync(Shop, "api/v1/checkouts", ApiCalls.CheckoutJson(reference), key);
        using var upper = await ApiCalls.PostAsync(Shop, "api/v1/checkouts", ApiCalls.CheckoutJson(reference), key.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.Created, lower.StatusCode);
        Assert.Equal(HttpStatusCode.Created, upper.StatusCode);
        Assert.False(upper.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, await ApiCalls.CheckoutsWithReferenceAsync(fixture.App, reference));
    }

    [Fact]
    public async Task Post_InvalidBody_TheRefusalIsStoredAndReplayed()
    {
        var key = Guid.NewGuid().ToString();
        var body = ApiCalls.CheckoutJson(NewReference(), "\"-5\"");

        using var first = await ApiCalls.PostAsync(Shop, "api/v1/checkouts", body, key);
        using var second = await ApiCalls.PostAsync(Shop, "api/v1/checkouts", body, key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task Post_SameKeyFromAnotherMerchant_IsAnotherKey()
    {
        using var other = ApiKeyIssuer.Client(fixture.App, await ApiKeyIssuer.IssueAsync(fixture.App, DemoData.OtherShop));
        var key = Guid.NewGuid().ToString();
        var reference = NewReference();

        using var mine = await ApiCalls.PostAsync(Shop, "api/v1/checkouts", ApiCalls.CheckoutJson(reference), key);
        using var theirs = await ApiCalls.PostAsync(other, "api/v1/checkouts", ApiCalls.CheckoutJson(reference), key);

        Assert.Equal(HttpStatusCode.Created, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.False(theirs.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, await ApiCalls.CheckoutsWithReferenceAsync(fixture.App, reference));
    }

    [Fact]
    public async Task Post_KeyStillClaimedByARunningRequest_409InFlightAfterWaiting()
    {
        var key = Guid.NewGuid().ToString();
        var body = ApiCalls.CheckoutJson(NewReference());
        // A twin's claim with no answer yet, as a request still running holds it.
        await using (var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var merchantId = await db.Merchants.Where(m => m.Name == DemoData.DemoShop).Select(m => m.Id).SingleAsync();
            db.IdempotencyRecords.Add(Portal.Api.Idempotency.IdempotencyRecord.Claim(merchantId, key,
                Fingerprint("/api/v1/checkouts", body), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        using var response = await ApiCalls.PostAsync(Shop, "api/v1/checkouts", body, key);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("idempotency_key_in_flight", (await ApiCalls.JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Post_KeyClaimedLongAgoByARequestThatDied_IsTakenOverAndWorks()
    {
        var key = Guid.NewGuid().ToString();
        var reference = NewReference();
        var body = ApiCalls.CheckoutJson(reference);
        await using (var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var merchantId = await db.Merchants.Where(m => m.Name == DemoData.DemoShop).Select(m => m.Id).SingleAsync();
            db.IdempotencyRecords.Add(Portal.Api.Idempotency.IdempotencyRecord.Claim(merchantId, key,
                Fingerprint("/api/v1/checkouts", body), DateTimeOffset.UtcNow.AddMinutes(-10)));
            await db.SaveChangesAsync();
        }

        using var response = await ApiCalls.PostAsync(Shop, "api/v1/checkouts", body, key);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, await ApiCalls.CheckoutsWithReferenceAsync(fixture.App, reference));
    }

    [Fact]
    public async Task Release_OfAKeyWhoseRequestFailed_LetsTheRetryClaimIt()
    {
        var store = fixture.App.Services.GetRequiredService<Portal.Api.Idempotency.IdempotencyStore>();
        var merchantId = await Builders.DemoCheckouts.MerchantIdAsync(fixture.App.Services);
        var key = Guid.NewGuid().ToString();
        var first = Assert.IsType<Portal.Api.Idempotency.IdempotencyClaim.Claimed>(
            await store.ClaimAsync(merchantId, key, new string('a', 64), CancellationToken.None));

        await store.ReleaseAsync(first.RecordId);
        var retry = await store.ClaimAsync(merchantId, key, new string('a', 64), CancellationToken.None);

        Assert.IsType<Portal.Api.Idempotency.IdempotencyClaim.Claimed>(retry);
    }

    [Fact]
    public async Task Purge_RemovesKeysOlderThan48Hours_AndKeepsYoungerOnes()
    {
        Guid merchantId;
        await using (var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            merchantId = await db.Merchants.Where(m => m.Name == DemoData.DemoShop).Select(m => m.Id).SingleAsync();
            db.IdempotencyRecords.Add(Portal.Api.Idempotency.IdempotencyRecord.Claim(merchantId, "old-" + NewReference(), new string('0', 64),
                DateTimeOffset.UtcNow.AddHours(-49)));
            db.IdempotencyRecords.Add(Portal.Api.Idempotency.IdempotencyRecord.Claim(merchantId, "young-" + NewReference(), new string('0', 64),
                DateTimeOffset.UtcNow.AddHours(-25)));
            await db.SaveChangesAsync();
        }

        await fixture.App.Services.GetRequiredService<Portal.Api.Idempotency.IdempotencyStore>().PurgeAsync(CancellationToken.None);

        await using var after = await fixture.App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.False(await after.IdempotencyRecords.AnyAsync(r => r.Key.StartsWith("old-")));
        Assert.True(await after.IdempotencyRecords.AnyAsync(r => r.Key.StartsWith("young-")));
    }

    private static string Fingerprint(string path, string body)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = path;
        return Portal.Api.Idempotency.IdempotencyFilter.Fingerprint(context.Request, System.Text.Encoding.UTF8.GetBytes(body));
    }

    private static string NewReference() => Guid.NewGuid().ToString("N")[..16];
}

public sealed class IdempotencyOnSqliteTests(ApiFixture<OnSqlite> fixture) : IdempotencyTests<OnSqlite>(fixture);

public sealed class IdempotencyOnPostgresTests(ApiFixture<OnPostgres> fixture) : IdempotencyTests<OnPostgres>(fixture);
