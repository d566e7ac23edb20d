# Shared by the Pester suites: starts a Bloom Growth emulator on a free loopback port and
# imports the built module. Dot-source it from BeforeAll.

function Start-BloomyEmulator {
    param([int] $Users = 20, [int] $LatencyMs = 0)
    $repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $port = $listener.LocalEndpoint.Port
    $listener.Stop()

    $project = Join-Path $repo 'tools/Bloomy.Emulator/Bloomy.Emulator.csproj'
    $log = Join-Path ([System.IO.Path]::GetTempPath()) "bloomy-emulator-$port.log"
    $process = Start-Process dotnet -PassThru -RedirectStandardOutput $log -ArgumentList @(
        'run', '--project', $project, '-c', 'Release', '--no-build', '--',
        '--port', $port, '--users', $Users, '--latency-ms', $LatencyMs)

    $root = "http://127.0.0.1:$port"
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while ($true) {
        try { Invoke-RestMethod "$root/_emulator/health" | Out-Null; break }
        catch {
            if ([DateTime]::UtcNow -gt $deadline) { throw "The emulator did not start on port $port; see $log" }
            Start-Sleep -Milliseconds 200
        }
    }
    [pscustomobject]@{ Process = $process; Root = $root; BaseUri = "$root/api/v1/" }
}

function Stop-BloomyEmulator {
    param($Emulator)
    if ($Emulator -and $Emulator.Process -and -not $Emulator.Process.HasExited) {
        Stop-Process -Id $Emulator.Process.Id -Force -ErrorAction SilentlyContinue
    }
}

function Get-BloomyDemoCredential {
    $password = ConvertTo-SecureString 'bloomy-demo' -AsPlainText -Force
    [pscredential]::new('ada@example.com', $password)
}

function Get-BloomyEmulatorStats {
    param($Emulator)
    Invoke-RestMethod "$($Emulator.Root)/_emulator/stats"
}

function Reset-BloomyEmulatorStats {
    param($Emulator)
    Invoke-RestMethod -Method Post "$($Emulator.Root)/_emulator/reset" | Out-Null
}

function Import-BloomyBuiltModule {
    $repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $repo 'out/Bloomy/Bloomy.psd1') -Force
}
