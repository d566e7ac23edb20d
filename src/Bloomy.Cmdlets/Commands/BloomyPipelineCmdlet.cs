using System.Management.Automation;
using Bloomy.Client;
using Bloomy.Cmdlets.Connections;
using Bloomy.Cmdlets.Pipeline;

namespace Bloomy.Cmdlets.Commands;

/// <summary>
/// Base of the cmdlets that call the API once per pipeline item: each item is queued on the
/// <see cref="PipelineBridge"/>, so up to <see cref="ThrottleLimit"/> requests run at once while
/// results come out in input order.
/// </summary>
public abstract class BloomyPipelineCmdlet : BloomyCmdlet, IDisposable
{
    private PipelineBridge? _bridge;
    private BloomyClient? _client;
    private BloomyConnection? _connection;

    /// <summary>
    /// <para type="description">How many pipeline items are processed at once (1–64). Defaults to the connection's DefaultThrottleLimit, 5 unless Connect-Bloomy said otherwise.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = ConnectionFactory.DefaultThrottleLimit;

    /// <summary>The client of the connection in use; set once BeginProcessing has run.</summary>
    protected BloomyClient Client => _client ?? throw new InvalidOperationException("BeginProcessing has not run.");

    /// <summary>The connection in use (with its cached user and meeting lists); set once BeginProcessing has run.</summary>
    private protected BloomyConnection ActiveConnection => _connection ?? throw new InvalidOperationException("BeginProcessing has not run.");

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        var connection = ResolveConnection();
        _connection = connection;
        _client = connection.Client;
        var throttleLimit = MyInvocation.BoundParameters.ContainsKey(nameof(ThrottleLimit))
            ? ThrottleLimit
            : connection.DefaultThrottleLimit;
        _bridge = new PipelineBridge(CommandRuntime, MyInvocation.MyCommand.Name, throttleLimit, IsVerboseEnabled(),
            reportsChangesAfterStop: MakesChanges, stop: InvocationStop);
    }

    /// <inheritdoc />
    protected override void EndProcessing() => _bridge?.Complete();

    /// <inheritdoc />
    protected override void StopProcessing()
    {
        base.StopProcessing();
        _bridge?.Stop(); // the same source: wakes a pipeline thread waiting on the bridge
    }

    /// <summary>Abandons any work still in flight.</summary>
    public void Dispose()
    {
        _bridge?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Whether the cmdlet changes things (it supports -WhatIf): a downstream stop then waits for the items in flight
    /// and reports them as warnings instead of abandoning changes that may already be made.
    /// </summary>
    private bool MakesChanges =>
        GetType().GetCustomAttributes(typeof(CmdletAttribute), inherit: true).OfType<CmdletAttribute>().Any(a => a.SupportsShouldProcess);

    /// <summary>Queues the error of an item that fails before any work, so it is written in input order.</summary>
    protected void QueueFailure(object? target, string label, Exception exception) => Bridge.EnqueueFailure(target, label, exception);

    /// <summary>Queues an item whose work yields one object.</summary>
    protected void Queue<T>(object? target, string label, Func<BloomyClient, CancellationToken, Task<T>> work)
    {
        var client = Client;
        Bridge.Enqueue(target, label, async ct => new object?[] { await work(client, ct).ConfigureAwait(false) });
    }

    /// <summary>Queues an item whose work yields a list; its elements are written one by one, together.</summary>
    protected void QueueMany<T>(object? target, string label, Func<BloomyClient, CancellationToken, Task<IReadOnlyList<T>>> work)
    {
        var client = Client;
        Bridge.Enqueue(target, label, async ct =>
        {
            var items = await work(client, ct).ConfigureAwait(false);
            var outputs = new object?[items.Count];
            for (var i = 0; i < outputs.Length; i++) outputs[i] = items[i];
            return outputs;
        });
    }

    /// <summary>Queues an item whose work yields nothing; <paramref name="passThru"/>, when given, is written once it succeeds.</summary>
    protected void QueueAction(object? target, string label, Func<BloomyClient, CancellationToken, Task> work, object? passThru = null)
    {
        var client = Client;
        Bridge.Enqueue(target, label, async ct =>
        {
            await work(client, ct).ConfigureAwait(false);
            return passThru is null ? Array.Empty<object?>() : new[] { passThru };
        });
    }

    /// <summary>
    /// Queues a change; with <paramref name="passThru"/> the item is then read back and written. The read happens only
    /// for -PassThru, and when it fails the error says that the change was applied, so the item is never reported
    /// as not changed.
    /// </summary>
    /// <param name="passThru">Whether to read the item back and write it (a -PassThru switch).</param>
    /// <param name="target">The pipeline item (the error target).</param>
    /// <param name="label">Names the item in progress and errors ("to-do 5001").</param>
    /// <param name="done">What was done, for that error ("was completed").</param>
    /// <param name="change">Makes the change.</param>
    /// <param name="readBack">Reads the changed item.</param>
    protected void QueueChange<T>(bool passThru, object? target, string label, string done,
        Func<BloomyClient, CancellationToken, Task> change, Func<BloomyClient, CancellationToken, Task<T>> readBack)
    {
        if (!passThru)
        {
            QueueAction(target, label, change);
            return;
        }
        Queue(target, label, async (client, ct) =>
        {
            await change(client, ct).ConfigureAwait(false);
            try
            {
                return await readBack(client, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new ChangeAppliedException($"{label} {done}, but reading it back failed: {ex.Message}", ex);
            }
        });
    }

    /// <summary>
    /// For the cmdlets that act on existing items given by id (their ById set) or piped from the matching Get- cmdlet
    /// (ByObject): calls <paramref name="act"/> once per item with the text that names it ("to-do 5001 'Call the bank'").
    /// The object parameter stays on each cmdlet, under the item's own name and type, so only that type binds by value.
    /// </summary>
    /// <param name="noun">What the items are called ("to-do").</param>
    /// <param name="ids">The ids bound in ById.</param>
    /// <param name="bound">
    /// In ByObject, the object bound, its id and the title that names it (null where the cmdlet names its items by id
    /// alone); null in ById.
    /// </param>
    /// <param name="act">Asks ShouldProcess for one item and queues the work: the pipeline item (the error target), the id, the description.</param>
    protected static void ForEachItem(string noun, long[] ids, (object Item, long Id, string? Title)? bound, Action<object, long, string> act)
    {
        if (bound is { } item)
        {
            act(item.Item, item.Id, item.Title is null ? $"{noun} {item.Id}" : $"{noun} {item.Id} '{item.Title}'");
            return;
        }
        foreach (var id in ids) act(id, id, $"{noun} {id}");
    }

    /// <summary>
    /// Writes an error record for the current row, and returns true, when one of the optional
    /// <paramref name="parameterNames"/> has a cell in <paramref name="row"/> (the cmdlet's hidden InputObject) that
    /// did not bind; the row must then be skipped.
    /// </summary>
    protected bool RejectUnusableCells(PSObject? row, params string[] parameterNames)
    {
        if (UnusableCells.Find(this, row, parameterNames) is not { } unusable) return false;
        // Through the bridge, so the row's error comes after the rows before it (input order).
        QueueFailure(unusable.TargetObject, "Input row", unusable.Exception);
        return true;
    }

    /// <summary>
    /// The values bound for the current record (pipeline and command line), as the error target of
    /// cmdlets whose input is a set of properties, such as a CSV row.
    /// </summary>
    protected PSObject BoundInput()
    {
        var input = new PSObject();
        foreach (var parameter in MyInvocation.BoundParameters)
        {
            if (CommonParameterNames.Contains(parameter.Key)) continue;
            input.Properties.Add(new PSNoteProperty(parameter.Key, parameter.Value));
        }
        return input;
    }

    private static readonly HashSet<string> CommonParameterNames = new(StringComparer.OrdinalIgnoreCase)
    {
        nameof(Connection), nameof(ThrottleLimit), "InputObject", "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction",
        "ErrorVariable", "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
        "ProgressAction", "WhatIf", "Confirm",
    };

    private PipelineBridge Bridge => _bridge ?? throw new InvalidOperationException("BeginProcessing has not run.");
}
