# Shared by the Pester suites: starts a Bloom Growth emulator on a free loopback port, imports the built
# module, and talks to the emulator's /_emulator control routes. Dot-source it from BeforeAll.
# Works in Windows PowerShell 5.1 and PowerShell 7.

$script:BloomyRepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

# The emulator that `dotnet build` left behind, newest first. It is run directly rather than through
# `dotnet run`, whose child process would outlive Stop-Process on the `dotnet run` host.
function Get-BloomyEmulatorAssembly {
    $bin = Join-Path $script:BloomyRepoRoot 'tools/Bloomy.Emulator/bin'
    $built = Get-ChildItem -Path $bin -Filter 'Bloomy.Emulator.dll' -Recurse -ErrorAction SilentlyContinue |
        Where-Object { $_.Directory.Name -notlike 'ref*' } |
        Sort-Object LastWriteTimeUtc -Descending |
        Select-Object -First 1
    if (-not $built) { throw "The emulator is not built. Run ./build.ps1 (or dotnet build) first; looked in $bin." }
    $built.FullName
}

# -Port 0 (the default) picks a free loopback port.
function Start-BloomyEmulator {
    param([int] $Users = 20, [int] $LatencyMs = 0, [int] $Port = 0)
    if ($Port -eq 0) {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $Port = $listener.LocalEndpoint.Port
        $listener.Stop()
    }

    $assembly = Get-BloomyEmulatorAssembly
    $temp = [System.IO.Path]::GetTempPath()
    $log = Join-Path $temp "bloomy-emulator-$port.log"
    $errorLog = Join-Path $temp "bloomy-emulator-$port.err.log"
    $arguments = @("`"$assembly`"", '--port', $port, '--users', $Users, '--latency-ms', $LatencyMs)
    $start = @{
        FilePath               = 'dotnet'
        ArgumentList           = $arguments
        PassThru               = $true
        RedirectStandardOutput = $log
        RedirectStandardError  = $errorLog
    }
    # -WindowStyle exists only on Windows; elsewhere there is no console window to hide.
    if ($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') { $start.WindowStyle = 'Hidden' }
    $process = Start-Process @start

    $root = "http://127.0.0.1:$port"
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while ($true) {
        try {
            Invoke-RestMethod -Uri "$root/_emulator/health" -TimeoutSec 5 | Out-Null
            break
        }
        catch {
            if ($process.HasExited) { throw "The emulator exited with code $($process.ExitCode); see $log and $errorLog" }
            if ([DateTime]::UtcNow -gt $deadline) { throw "The emulator did not start on port $port; see $log and $errorLog" }
            Start-Sleep -Milliseconds 200
        }
    }
    [pscustomobject]@{ Process = $process; Port = $port; Root = $root; BaseUri = "$root/api/v1/"; Logs = @($log, $errorLog) }
}

function Stop-BloomyEmulator {
    param($Emulator)
    if (-not $Emulator) { return }
    if ($Emulator.Process -and -not $Emulator.Process.HasExited) {
        Stop-Process -Id $Emulator.Process.Id -Force -ErrorAction SilentlyContinue
        $Emulator.Process.WaitForExit(5000) | Out-Null
    }
    # The logs only matter while the emulator runs (a start-up failure names them); leave no litter behind.
    foreach ($file in $Emulator.Logs) { Remove-Item -LiteralPath $file -Force -ErrorAction SilentlyContinue }
}

# The emulator's first user, Ada Park (id 1001), signs in with this password at /Token.
function Get-BloomyDemoCredential {
    $password = ConvertTo-SecureString 'bloomy-demo' -AsPlainText -Force
    [pscredential]::new('ada@example.com', $password)
}

# Connects as Ada with short retry waits, so suites spend their time on behaviour rather than back-off.
function Connect-BloomyEmulator {
    param($Emulator, [int] $MaxRetries = 3)
    Connect-Bloomy -BaseUri $Emulator.BaseUri -Credential (Get-BloomyDemoCredential) `
        -MaxRetries $MaxRetries -RetryDelayMilliseconds 5 -MaxRetryDelaySec 1
}

# GET /_emulator/stats: TotalRequests, InFlight, PeakInFlight, DroppedAfterAction, DroppedBeforeAction,
# Created (Todo, Issue, Goal, Meeting, Headline), Routes ("get todo/user/{id}" = count), Faults, LatencyMs, JitterMs,
# TokenLifetimeSeconds, TokenExchanges, RefusedTokenExchanges, ExpiredTokenRejections, ExpiredTokenRequestsAfterRejection.
function Get-BloomyEmulatorStats {
    param($Emulator)
    Invoke-RestMethod -Uri "$($Emulator.Root)/_emulator/stats"
}

# The requests the emulator recorded since the last reset: Method, RelativePath, Body, StatusCode, RouteTemplate, Fault…
function Get-BloomyEmulatorRequest {
    param($Emulator)
    # Windows PowerShell 5.1 writes a JSON array as one object; going through a variable unrolls it in both.
    $requests = Invoke-RestMethod -Uri "$($Emulator.Root)/_emulator/requests"
    $requests
}

# POST /_emulator/reset clears the recorded requests and counters and removes every fault.
function Reset-BloomyEmulatorStats {
    param($Emulator)
    Invoke-RestMethod -Method Post -Uri "$($Emulator.Root)/_emulator/reset" | Out-Null
}

# PUT /_emulator/graphql, e.g. @{ defaultPageSize = 3 } (also maxPageSize, unbounded, legacyUserIdScalar,
# createNoteFails, goalArchiveDoesNotStick, createGoalRejected, forbidden = @('EditIssue'),
# mediaType = 'graphql-response'). POST /_emulator/reset restores the defaults.
function Set-BloomyEmulatorGraphQL {
    param($Emulator, [hashtable] $Settings)
    $body = $Settings | ConvertTo-Json -Compress
    Invoke-RestMethod -Method Put -Uri "$($Emulator.Root)/_emulator/graphql" -Body $body -ContentType 'application/json'
}

# GET /_emulator/graphql/requests: RootFields (root field -> count), Requests (Query, Variables, Operation,
# RootFields, StatusCode) and Settings.
function Get-BloomyEmulatorGraphQLRequest {
    param($Emulator)
    Invoke-RestMethod -Uri "$($Emulator.Root)/_emulator/graphql/requests"
}

# PUT /_emulator/faults, e.g. @{ failNext = @{ count = 3; statusCode = 503; method = 'GET' } } or
# @{ drop = @{ fraction = 1; timing = 'AfterAction'; method = 'POST'; route = 'todo/create' } }.
function Set-BloomyEmulatorFault {
    param($Emulator, [hashtable] $Fault)
    $body = ConvertTo-Json -InputObject $Fault -Depth 5 -Compress
    Invoke-RestMethod -Method Put -Uri "$($Emulator.Root)/_emulator/faults" -Body $body -ContentType 'application/json'
}

# The number of recorded requests for one "METHOD template" route, e.g. 'get todo/user/{id}'.
function Get-BloomyEmulatorRouteCount {
    param($Emulator, [string] $Route)
    $routes = (Get-BloomyEmulatorStats $Emulator).Routes
    $match = $routes.PSObject.Properties | Where-Object { $_.Name -eq $Route }
    if ($match) { [int] $match.Value } else { 0 }
}

# The demo user's API key, as the emulator printed it at start-up.
function Get-BloomyEmulatorApiKey {
    param($Emulator)
    $line = Select-String -Path $Emulator.Logs[0] -Pattern 'Demo API key: (\S+)' | Select-Object -First 1
    if (-not $line) { throw "The emulator did not print its demo API key in $($Emulator.Logs[0])." }
    $line.Matches[0].Groups[1].Value
}

function Import-BloomyBuiltModule {
    $manifest = Join-Path $script:BloomyRepoRoot 'out/Bloomy/Bloomy.psd1'
    if (-not (Test-Path $manifest)) { throw "The module is not built. Run ./build.ps1 first; looked for $manifest." }
    Import-Module $manifest -Force
}

# How to start a fresh PowerShell 7 like this one. Under `dotnet pwsh` or `dotnet tool run pwsh` this process is
# `dotnet`, so the child is `dotnet <PSHOME>/pwsh.dll`; otherwise it is this executable itself.
function Get-BloomyPwshCommand {
    $process = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    if ([System.IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        return @($process, (Join-Path $PSHOME 'pwsh.dll'))
    }
    @($process)
}

# Runs a script in a fresh pwsh (-NoProfile -NonInteractive -File) and returns its output and error lines; throws
# with them when it exits non-zero. -Environment sets variables for the child only.
function Invoke-BloomyChildShell {
    param([Parameter(Mandatory)] [string] $Script, [hashtable] $Environment = @{}, [int] $TimeoutSec = 120)
    $file = Join-Path ([System.IO.Path]::GetTempPath()) "bloomy-child-$([guid]::NewGuid().ToString('N')).ps1"
    Set-Content -LiteralPath $file -Value $Script -Encoding utf8
    try {
        $command = @(Get-BloomyPwshCommand)
        $start = [System.Diagnostics.ProcessStartInfo]::new($command[0])
        foreach ($argument in @($command | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $file)) {
            $start.ArgumentList.Add($argument)
        }
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.UseShellExecute = $false
        $start.Environment['NO_COLOR'] = '1'
        foreach ($name in $Environment.Keys) { $start.Environment[$name] = [string] $Environment[$name] }
        $child = [System.Diagnostics.Process]::Start($start)
        $stdout = $child.StandardOutput.ReadToEndAsync()
        $stderr = $child.StandardError.ReadToEndAsync()
        if (-not $child.WaitForExit($TimeoutSec * 1000)) {
            $child.Kill($true)
            throw "The child pwsh did not finish within $TimeoutSec s."
        }
        $child.WaitForExit()
        if ($child.ExitCode -ne 0) { throw "The child pwsh exited with $($child.ExitCode):`n$($stdout.Result)$($stderr.Result)" }
        # What it wrote, errors included (after the output), one line each.
        ($stdout.Result + $stderr.Result) -split "`r?`n" | Where-Object { $_ -ne '' }
    }
    finally {
        Remove-Item -LiteralPath $file -Force -ErrorAction SilentlyContinue
    }
}
