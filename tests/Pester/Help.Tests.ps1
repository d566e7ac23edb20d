#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Get-Help as a person reads it: every exported cmdlet has a synopsis, a description, at least two examples and a
# description for each of its parameters, and about_Bloomy explains connecting, throttling, the emulator and errors.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-BloomyBuiltModule
    $cmdlets = @(Get-Command -Module Bloomy -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-BloomyBuiltModule
}

Describe 'Help for <Name>' -ForEach $cmdlets {
    BeforeAll {
        # Strict mode on purpose: a cmdlet without parameters has help without a parameters.parameter list, and
        # reading it must not throw where a user's profile sets strict mode.
        Set-StrictMode -Version Latest
        $help = Get-Help $Name -Full
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters
        $parameters = @((Get-Command $Name).Parameters.Keys | Where-Object { $common -notcontains $_ })
        $described = @{}
        $listed = if ($help.PSObject.Properties['parameters'] -and $help.parameters -and $help.parameters.PSObject.Properties['parameter']) {
            @($help.parameters.parameter | Where-Object { $_ })
        }
        else { @() }
        foreach ($parameter in $listed) {
            $texts = if ($parameter.PSObject.Properties['description']) { @($parameter.description | Where-Object { $_ } | ForEach-Object { $_.Text }) } else { @() }
            $described[$parameter.name] = $texts -join ' '
        }
    }

    It 'has a synopsis of its own' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        # Without a help file, Get-Help makes the synopsis from the syntax, which starts with the name.
        $help.Synopsis.Trim() | Should -Not -BeLike "$Name*"
    }

    It 'has a description' {
        ((@($help.description) | ForEach-Object { $_.Text }) -join ' ').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples, none empty' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        $examples | ForEach-Object { $_.code | Should -Not -BeNullOrEmpty }
    }

    It 'shows every form of the command that Get-Command knows' {
        @($help.syntax.syntaxItem).Count | Should -Be @((Get-Command $Name).ParameterSets).Count
    }

    It 'describes every parameter' {
        foreach ($parameter in $parameters) {
            $described[$parameter] | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name needs a description"
        }
    }
}

Describe 'Connect-Bloomy syntax' {
    It 'shows the form without a key (BG_API_KEY or the config file) beside -ApiKey and -Credential' {
        $items = @((Get-Help Connect-Bloomy).syntax.syntaxItem)
        $items | Should -HaveCount 3
        $names = $items | ForEach-Object { ,@($_.parameter | ForEach-Object name) }
        @($names | Where-Object { $_ -notcontains 'ApiKey' -and $_ -notcontains 'Credential' }) | Should -HaveCount 1
        (Get-Help Connect-Bloomy | Out-String -Width 200) | Should -Match '(?m)^\s*Connect-Bloomy \[-BaseUri'
    }
}

Describe 'about_Bloomy' {
    BeforeAll {
        $topic = Get-Help about_Bloomy | Out-String
    }

    It 'is found by Get-Help' {
        $topic | Should -Match 'about_Bloomy'
    }

    It 'has the section <_>' -ForEach @('CONNECTING', 'THROTTLING AND RETRIES', 'THE EMULATOR', 'ERRORS') {
        $topic | Should -Match ([regex]::Escape($_))
    }

    It 'lists the error ids a script can catch' {
        $topic | Should -Match 'Bloomy\.RateLimited'
        $topic | Should -Match 'Bloomy\.Disconnected'
    }

    It 'shows how to match an error id: FullyQualifiedErrorId is the id, a comma and the cmdlet type' {
        $topic | Should -Match ([regex]::Escape("-like 'Bloomy.NotFound,*'"))
        $topic | Should -Match 'Bloomy\.NotFound,Bloomy\.Cmdlets'
    }

    It 'matches what a failing cmdlet really reports' {
        $emulator = Start-BloomyEmulator -Users 2
        try {
            Connect-BloomyEmulator $emulator
            $null = Get-BloomyTodo -Id 999999 -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'Bloomy.NotFound,*'
            $failures[0].FullyQualifiedErrorId | Should -Not -Be 'Bloomy.NotFound'
        }
        finally {
            Disconnect-Bloomy
            Stop-BloomyEmulator $emulator
        }
    }

    It 'names cmdlet parameters, not .NET options, when there is no key' {
        $saved = $env:BG_API_KEY, $env:BLOOMY_CONFIG_PATH
        try {
            $env:BG_API_KEY = $null
            $env:BLOOMY_CONFIG_PATH = Join-Path ([System.IO.Path]::GetTempPath()) 'no-such-bloomy-config.yaml'
            $message = try { Connect-Bloomy -BaseUri 'http://127.0.0.1:9/api/v1/'; '' } catch { "$_" }
            $message | Should -BeLike '*Connect-Bloomy -ApiKey*'
            $message | Should -Not -BeLike '*BloomyClientOptions*'
        }
        finally {
            $env:BG_API_KEY, $env:BLOOMY_CONFIG_PATH = $saved
        }
    }
}
