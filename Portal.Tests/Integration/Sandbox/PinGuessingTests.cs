using Portal.Domain.Payments;
using Portal.Domain.Rails;
using Portal.SandboxBank;

namespace Portal.Tests.Integration.Sandbox;

/// <summary>
/// An attacker guesses an account's PIN with many orders at once (one per checkout): the bank counts every guess, locks
/// the account at the limit, and from then on answers the same whatever PIN is tried, so no answer names the right one.
/// </summary>
public sealed class PinGuessingTests(SandboxBankFixture bank) : IClassFixture<SandboxBankFixture>
{
    [Fact]
    public async Task ParallelWrongGuesses_LockAtTheLimit_ThenEveryAnswerIsTheSameWhateverThePin()
    {
        var payer = await bank.OpenPayerAsync(10m);
        var guesses = Enumerable.Range(0, 20).Select(i => $"{100000 + i:D6}").Append("123456").ToArray();

        var results = await Task.WhenAll(guesses.Select(pin =>
            Task.Run(() => bank.Rail.SubmitAsync(SandboxBankFixture.Payment(payer, 1m, pin: pin)))));

        var wrong = results.Count(r => r.Failure?.Code == FailureReason.WrongPin.Code);
        var locked = results.Count(r => r.Failure?.Code == FailureReason.PinLocked.Code);
        var settled = results.Count(r => r.Status == RailOrderStatus.Settled);
        // The right PIN may have been judged before the lock (and paid) or after it (and refused as locked), never as
        // anything that tells it apart. Four wrong guesses in a row are answered "wrong" and the fifth locks; the right
        // PIN judged in between (as a bank does) starts the count again, so up to four more can be answered "wrong",
        // also when the lock then comes before its debit and it is refused as locked rather than paid.
        Assert.InRange(wrong, Bank.MaxPinAttempts - 1, (Bank.MaxPinAttempts - 1) * 2);
        Assert.Equal(results.Length, wrong + locked + settled);
        Assert.Equal(BankAccountStatus.Locked, (await bank.AccountAsync(payer)).Status);

        var right = await bank.Rail.SubmitAsync(SandboxBankFixture.Payment(payer, 1m));
        var anotherWrong = await bank.Rail.SubmitAsync(SandboxBankFixture.Payment(payer, 1m, pin: "999999"));
        Assert.Equal(FailureReason.PinLocked.Code, right.Failure?.Code);
        Assert.Equal(FailureReason.PinLocked.Code, anotherWrong.Failure?.Code);
        Assert.Equal(1000 - 100 * settled, (await bank.AccountAsync(payer)).BalanceMinorUnits);
    }
}
