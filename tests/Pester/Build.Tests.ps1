#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# build.ps1 as a contributor runs it on Linux, macOS or Windows: in a child pwsh started the way this one was
# (`dotnet pwsh` makes the process `dotnet`, so the child is `dotnet <PSHOME>/pwsh.dll`).

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:build = Join-Path $BloomyRepoRoot 'build.ps1'
}

Describe 'build.ps1' {
    It 'runs the demo against a fresh emulator and stops it afterwards' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $port = $listener.LocalEndpoint.Port
        $listener.Stop()
        $output = Invoke-BloomyChildShell -Script "& '$build' -Task Demo -NoBuild -Port $port" -TimeoutSec 180
        $text = $output -join "`n"
        $text | Should -Match "Emulator at http://127\.0\.0\.1:$port/api/v1/"
        $text | Should -Match '\d+ users, \d+ open to-dos'
        $text | Should -Match '== Done'
        # The emulator is gone: nothing listens on its port any more.
        { Invoke-RestMethod -Uri "http://127.0.0.1:$port/_emulator/health" -TimeoutSec 2 } | Should -Throw
    }
}
