using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using MessagePack;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Portal.Bench;

/// <summary>
/// Blazor's hub protocol as a browser speaks it: SignalR's MessagePack protocol under the name <c>blazorpack</c> (the
/// <c>/_blazor</c> hub refuses JSON). The server's <c>JS.*</c> calls are bound loosely, one <see cref="object"/> per
/// argument as many as arrive, so that a framework release adding an argument (as <c>JS.BeginInvokeJS</c> has) does not
/// turn every call into a binding failure that the bench would never answer.
/// </summary>
internal sealed class BlazorPackProtocol : IHubProtocol
{
    private readonly MessagePackHubProtocol _inner = new();

    public string Name => "blazorpack";

    public int Version => _inner.Version;

    public TransferFormat TransferFormat => _inner.TransferFormat;

    public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder,
        [NotNullWhen(true)] out HubMessage? message) =>
        _inner.TryParseMessage(ref input, new LooseBinder(binder, PeekInvocation(input)), out message);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);

    /// <summary>Target and argument count of the next framed message when it is an invocation, else null.</summary>
    private static (string Target, int Arguments)? PeekInvocation(ReadOnlySequence<byte> input)
    {
        // Frame: a 7-bit varint length (at most 5 bytes), then one MessagePack array.
        var reader = new SequenceReader<byte>(input);
        long length = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (!reader.TryRead(out var b))
            {
                return null;
            }
            length |= (long)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                break;
            }
        }
        if (reader.Remaining < length)
        {
            return null;
        }
        try
        {
            var message = new MessagePackReader(input.Slice(reader.Position, length));
            message.ReadArrayHeader();
            if (message.ReadInt32() != HubProtocolConstants.InvocationMessageType)
            {
                return null;
            }
            message.Skip(); // headers
            message.Skip(); // invocation id
            var target = message.ReadString();
            return target is null ? null : (target, message.ReadArrayHeader());
        }
        catch (MessagePackSerializationException)
        {
            return null;
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    private sealed class LooseBinder(IInvocationBinder inner, (string Target, int Arguments)? next) : IInvocationBinder
    {
        public IReadOnlyList<Type> GetParameterTypes(string methodName) =>
            next is { } invocation && invocation.Target == methodName && methodName.StartsWith("JS.", StringComparison.Ordinal)
                ? Enumerable.Repeat(typeof(object), invocation.Arguments).ToArray()
                : inner.GetParameterTypes(methodName);

        public Type GetReturnType(string invocationId) => inner.GetReturnType(invocationId);

        public Type GetStreamItemType(string streamId) => inner.GetStreamItemType(streamId);
    }
}
