#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Sessions as a person has them: signing in with what SecretManagement's Get-Secret returns, seeing how the
# connection signs in and when its token expires, a wrong password, and a pipeline that outlives its tokens.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-BloomyBuiltModule
    $script:emulator = Start-BloomyEmulator -Users 60

    function Set-TokenLifetime([hashtable] $Body) {
        Invoke-RestMethod -Method Put -Uri "$($emulator.Root)/_emulator/token-lifetime" -Body (ConvertTo-Json $Body) -ContentType 'application/json'
    }
}

AfterAll {
    Disconnect-Bloomy -ErrorAction SilentlyContinue
    Stop-BloomyEmulator $emulator
}

Describe 'Signing in with secrets as Get-Secret returns them' {
    It 'takes a PSCredential and shows how it signs in and when its token expires, never the token' {
        $secret = [pscredential]::new('ada@example.com', (ConvertTo-SecureString 'bloomy-demo' -AsPlainText -Force))

        Connect-Bloomy -BaseUri $emulator.BaseUri -Credential $secret
        $connection = Get-BloomyConnection
        $shown = $connection | Format-List | Out-String

        "$($connection.AuthenticatedBy)" | Should -Be 'Credential'
        $connection.TokenExpires | Should -BeGreaterThan (Get-Date).AddDays(13)
        $shown | Should -BeLike '*AuthenticatedBy*Credential*'
        $shown | Should -BeLike '*TokenExpires*'
        $shown | Should -Not -BeLike '*bg-token-*'
        $shown | Should -Not -BeLike '*bloomy-demo*'
        (Get-BloomyUser).Id | Should -Be 1001
    }

    It 'takes a SecureString key' {
        # The emulator prints the demo key at start-up; a vault would hand it over as this SecureString.
        $line = Get-Content $emulator.Logs[0] | Where-Object { $_ -like 'Demo API key:*' }
        $secret = ConvertTo-SecureString ($line -replace '^Demo API key:\s*', '') -AsPlainText -Force

        Connect-Bloomy -BaseUri $emulator.BaseUri -ApiKey $secret

        "$((Get-BloomyConnection).AuthenticatedBy)" | Should -Be 'ApiKey'
        (Get-BloomyConnection).TokenExpires | Should -BeNullOrEmpty
    }
}

Describe 'A wrong password' {
    It 'is one authentication error saying so, and the password is in no stream' {
        $wrong = 'Wr0ng-and-S3cret'
        $secret = [pscredential]::new('ada@example.com', (ConvertTo-SecureString $wrong -AsPlainText -Force))

        $all = & { try { Connect-Bloomy -BaseUri $emulator.BaseUri -Credential $secret -Verbose -ErrorAction Stop } catch { $_ } } 4>&1 3>&1 2>&1
        $failure = $all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Select-Object -First 1
        $streams = $all | Out-String

        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'Bloomy.Authentication*'
        "$failure" | Should -BeLike '*user name or password is incorrect*'
        "$failure $($failure.Exception) $streams" | Should -Not -BeLike "*$wrong*"
    }
}

Describe 'A pipeline longer than its tokens live' {
    It 'has no errors, one exchange per token lifetime, and sends nothing with a refused token' {
        Set-TokenLifetime @{ seconds = 1 } | Out-Null
        Connect-BloomyEmulator $emulator
        Reset-BloomyEmulatorStats $emulator
        Set-BloomyEmulatorFault $emulator @{ latencyMs = 100 } | Out-Null
        $clock = [System.Diagnostics.Stopwatch]::StartNew()

        $todos = 0..119 | ForEach-Object { 5001 + $_ % 150 } | Get-BloomyTodo -ThrottleLimit 10 -ErrorVariable failures

        $seconds = $clock.Elapsed.TotalSeconds
        $stats = Get-BloomyEmulatorStats $emulator
        $failures | Should -HaveCount 0
        $todos | Should -HaveCount 120
        $stats.TokenExchanges | Should -BeLessOrEqual (1 + [math]::Ceiling($seconds / 0.9))
        $stats.ExpiredTokenRequestsAfterRejection | Should -Be 0
        Set-BloomyEmulatorFault $emulator @{ latencyMs = 0 } | Out-Null
    }
}
