using GraphQL;
using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace Bloomy.Emulator.GraphQL;

// Resolvers read and change the store, so a request's execution runs under EmulatorStore.Sync, as a REST handler
// does; the resolvers are synchronous, so it completes while the lock is held and sees one consistent state.
// Parsing, validation and serialisation stay outside the lock, so concurrent requests overlap as on a real server.

/// <summary>Queries: run field by field under the store lock (the resolvers are synchronous, so running them in parallel only adds tasks).</summary>
internal sealed class StoreLockedQueryStrategy : SerialExecutionStrategy
{
    public override Task<ExecutionResult> ExecuteAsync(ExecutionContext context) =>
        StoreLock.Run(context, base.ExecuteAsync);
}

/// <summary>Mutations: GraphQL.NET's serial strategy, under the store lock.</summary>
internal sealed class StoreLockedMutationStrategy : SerialExecutionStrategy
{
    public override Task<ExecutionResult> ExecuteAsync(ExecutionContext context) =>
        StoreLock.Run(context, base.ExecuteAsync);
}

internal static class StoreLock
{
    internal static Task<ExecutionResult> Run(ExecutionContext context, Func<ExecutionContext, Task<ExecutionResult>> execute)
    {
        var store = ((BloomContext)context.UserContext).Store;
        lock (store.Sync)
            return Task.FromResult(execute(context).GetAwaiter().GetResult());
    }
}
