#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Issue 10, as a user types it: a password never leaves for a plain-http host, a key with a stray character is
# refused at once, -SaveKey never writes through a link and keeps the rest of the file, a duplicate api_key is an
# error, and a hostile config file is a clear error instead of a crashed shell.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-BloomyBuiltModule
    $script:emulator = Start-BloomyEmulator -Users 3
    $script:key = (Invoke-RestMethod -Method Post -Uri "$($emulator.Root)/Token" -ContentType 'application/x-www-form-urlencoded' `
            -Body 'grant_type=password&userName=ada%40example.com&password=bloomy-demo').access_token
    $script:savedEnvironment = @{ BG_API_KEY = $env:BG_API_KEY; BLOOMY_CONFIG_PATH = $env:BLOOMY_CONFIG_PATH }
}

AfterAll {
    Disconnect-Bloomy -ErrorAction SilentlyContinue
    Stop-BloomyEmulator $emulator
    $env:BG_API_KEY = $savedEnvironment.BG_API_KEY
    $env:BLOOMY_CONFIG_PATH = $savedEnvironment.BLOOMY_CONFIG_PATH
}

Describe 'Security' {
    BeforeEach {
        $script:folder = Join-Path ([System.IO.Path]::GetTempPath()) "bloomy-security-$([guid]::NewGuid().ToString('N'))"
        New-Item -ItemType Directory -Path $folder | Out-Null
        $env:BG_API_KEY = $null
        $env:BLOOMY_CONFIG_PATH = Join-Path $folder 'config.yaml'
        Reset-BloomyEmulatorStats $emulator
    }

    AfterEach {
        Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
    }

    Describe 'Plain http to another host' {
        It 'refuses Connect-Bloomy -Credential before the password is sent' {
            # 0.0.0.0 is not loopback to the check, yet on Linux a connection to it reaches this listener.
            $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
            $listener.Start()
            try {
                $port = $listener.LocalEndpoint.Port
                $failure = { Connect-Bloomy -BaseUri "http://0.0.0.0:$port/api/v1/" -Credential (Get-BloomyDemoCredential) -MaxRetries 0 } |
                    Should -Throw -PassThru
                $failure.FullyQualifiedErrorId | Should -BeLike 'Bloomy.Configuration,*'
                $failure.Exception.Message | Should -BeLike '*plain http*'
                Start-Sleep -Milliseconds 100
                $listener.Pending() | Should -BeFalse -Because 'not even a connection may be opened'
            }
            finally {
                $listener.Stop()
            }
        }

        It 'still allows http to this machine' {
            Connect-BloomyEmulator $emulator
            (Get-BloomyConnection).UserName | Should -Not -BeNullOrEmpty
        }
    }

    Describe 'A key with a character an API key cannot have' {
        It 'refuses <Name> at once, and sends nothing' -ForEach @(
            @{ Name = 'a NUL (which used to cut the key short)'; Suffix = "`0junk"; Expected = '*control character (U+0000)*' }
            @{ Name = 'a zero-width space'; Suffix = "`u{200B}"; Expected = '*zero-width character (U+200B)*' }
            @{ Name = 'a non-ASCII letter'; Suffix = 'é'; Expected = '*non-ASCII character (U+00E9)*' }
        ) {
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $failure = { Connect-Bloomy -BaseUri $emulator.BaseUri -ApiKey "$key$Suffix" } | Should -Throw -PassThru
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 2
            $failure.FullyQualifiedErrorId | Should -BeLike 'Bloomy.Configuration,*'
            $failure.Exception.Message | Should -BeLike $Expected
            $failure.Exception.Message | Should -Not -BeLike "*$key*"
            (Get-BloomyEmulatorStats $emulator).TotalRequests | Should -Be 0
        }
    }

    Describe 'Connect-Bloomy -SaveKey' {
        It 'keeps the other keys of the config file' {
            Set-Content -LiteralPath $env:BLOOMY_CONFIG_PATH -Value "# mine`nversion: 1`nregion: eu`n" -NoNewline
            Connect-Bloomy -BaseUri $emulator.BaseUri -ApiKey $key -SaveKey
            $text = Get-Content -LiteralPath $env:BLOOMY_CONFIG_PATH -Raw
            $text | Should -Be "# mine`nversion: 1`nregion: eu`napi_key: $key`n"
        }

        It 'refuses to write through a symbolic link and leaves its target alone' -Skip:($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') {
            $target = Join-Path $folder 'elsewhere.yaml'
            Set-Content -LiteralPath $target -Value 'other: content'
            New-Item -ItemType SymbolicLink -Path $env:BLOOMY_CONFIG_PATH -Target $target | Out-Null
            $failure = { Connect-Bloomy -BaseUri $emulator.BaseUri -ApiKey $key -SaveKey } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -BeLike 'Bloomy.Configuration,*'
            $failure.Exception.Message | Should -BeLike '*symbolic link*'
            (Get-Content -LiteralPath $target -Raw).Trim() | Should -Be 'other: content'
        }
    }

    Describe 'The config file' {
        It 'with api_key twice is a configuration error, not "no key"' {
            Set-Content -LiteralPath $env:BLOOMY_CONFIG_PATH -Value "api_key: $key`napi_key: other-key`n"
            $failure = { Connect-Bloomy -BaseUri $emulator.BaseUri } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -BeLike 'Bloomy.Configuration,*'
            $failure.Exception.Message | Should -BeLike '*api_key twice*'
            (Get-BloomyEmulatorStats $emulator).TotalRequests | Should -Be 0
        }

        It 'nested 50 000 levels deep is a clear error and the shell lives on' {
            # In a child shell: before the fix this overflowed the stack and killed the process (exit 134).
            [System.IO.File]::WriteAllText($env:BLOOMY_CONFIG_PATH, ('[' * 50000))
            $shell = (Get-Process -Id $PID).Path
            # Under `dotnet pwsh` this process is dotnet itself, which needs pwsh.dll to be a shell.
            [string[]] $prefix = @()
            if ((Split-Path $shell -Leaf) -like 'dotnet*') { $prefix = @(Join-Path $PSHOME 'pwsh.dll') }
            $manifest = Join-Path $BloomyRepoRoot 'out/Bloomy/Bloomy.psd1'
            $script = "Import-Module '$manifest'; try { Connect-Bloomy -BaseUri '$($emulator.BaseUri)' } catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }; 'alive'"
            $output = & $shell @prefix -NoProfile -NonInteractive -Command $script 2>&1
            $LASTEXITCODE | Should -Be 0 -Because ($output | Out-String)
            ($output | Out-String) | Should -BeLike '*Bloomy.Configuration*nests more than*alive*'
        }
    }
}
