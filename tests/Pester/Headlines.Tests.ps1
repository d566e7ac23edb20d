#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Headlines as a person would share them: a meeting's headlines, new ones from a CSV file, a retitle, a removal,
# -WhatIf, and mistakes caught before anything is sent.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-BloomyBuiltModule
    $script:emulator = Start-BloomyEmulator -Users 20
    Connect-BloomyEmulator $emulator
}

AfterAll {
    Disconnect-Bloomy
    Stop-BloomyEmulator $emulator
}

Describe 'Reading headlines' {
    It 'gives the headlines of each piped meeting, meeting by meeting' {
        $meetings = Get-BloomyMeeting

        $headlines = $meetings | Get-BloomyHeadline

        $headlines | Should -HaveCount (2 * $meetings.Count)
        $headlines[0] | Should -BeOfType 'Bloomy.Client.Models.Headline'
        $headlines.MeetingId | Select-Object -Unique | Should -Be $meetings.Id
    }

    It 'fills the Meeting column of listed headlines, which the API leaves without a meeting name' {
        $names = @{}
        Get-BloomyMeeting | ForEach-Object { $names[$_.Id] = $_.Name }

        $mine = Get-BloomyHeadline
        $piped = Get-BloomyMeeting | Get-BloomyHeadline

        $mine | Should -Not -BeNullOrEmpty
        foreach ($headline in @($mine) + @($piped)) { $headline.MeetingName | Should -Be $names[$headline.MeetingId] }
        ($mine | Format-Table | Out-String -Width 120) | Should -Match ([regex]::Escape($names[$mine[0].MeetingId]))
    }

    It 'gives one headline by -Id' {
        $first = Get-BloomyHeadline -MeetingId 2003 | Select-Object -First 1

        $one = Get-BloomyHeadline -Id $first.Id

        $one.Title | Should -BeExactly $first.Title
        $one.MeetingId | Should -Be 2003
    }

    It 'writes one error record naming a missing meeting and returns the other headlines' {
        $headlines = 2001, 999999, 2002 | ForEach-Object { [pscustomobject]@{ MeetingId = $_ } } |
            Get-BloomyHeadline -ErrorVariable failures -ErrorAction SilentlyContinue

        $headlines | Should -HaveCount 4
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Bloomy.NotFound,*'
        "$($failures[0])" | Should -BeLike '*999999*'
    }
}

Describe 'Sharing, changing and removing headlines' {
    BeforeAll {
        $script:csv = Join-Path ([System.IO.Path]::GetTempPath()) "bloomy-headlines-$([guid]::NewGuid()).csv"
    }

    AfterAll {
        Remove-Item $csv -ErrorAction SilentlyContinue
    }

    It 'shares one headline per CSV row' {
        @(
            [pscustomobject]@{ MeetingId = 2001; Title = 'Closed the Acme deal'; OwnerId = 1002 }
            [pscustomobject]@{ MeetingId = 2002; Title = 'New office opens Monday'; OwnerId = 1001 }
        ) | Export-Csv -Path $csv -NoTypeInformation

        $headlines = Import-Csv -Path $csv | New-BloomyHeadline

        $headlines.Title | Should -Be @('Closed the Acme deal', 'New office opens Monday')
        $headlines.MeetingId | Should -Be @(2001, 2002)
        (Get-BloomyHeadline -MeetingId 2001).Title | Should -Contain 'Closed the Acme deal'
    }

    It 'retitles a headline and returns it with -PassThru' {
        $headline = New-BloomyHeadline -MeetingId 2001 -Title 'Old news'

        $changed = $headline | Set-BloomyHeadline -Title 'Fresh news' -PassThru

        $changed.Id | Should -Be $headline.Id
        $changed.Title | Should -BeExactly 'Fresh news'
        (Get-BloomyHeadline -Id $headline.Id).Title | Should -BeExactly 'Fresh news'
    }

    It 'removes piped headlines after -Confirm:$false' {
        $headlines = 'Gone 1', 'Gone 2' | ForEach-Object { New-BloomyHeadline -MeetingId 2002 -Title $_ }

        $headlines | Remove-BloomyHeadline -Confirm:$false

        (Get-BloomyHeadline -MeetingId 2002).Id | Should -Not -Contain $headlines[0].Id
        { Get-BloomyHeadline -Id $headlines[1].Id -ErrorAction Stop } | Should -Throw -ErrorId 'Bloomy.NotFound,*'
    }

    It 'sends nothing with -WhatIf' {
        $headline = Get-BloomyHeadline -MeetingId 2003 | Select-Object -First 1
        Reset-BloomyEmulatorStats $emulator

        New-BloomyHeadline -MeetingId 2003 -Title 'Nope' -WhatIf
        Set-BloomyHeadline -Id $headline.Id -Title 'Nope' -WhatIf
        $headline | Remove-BloomyHeadline -WhatIf

        (Get-BloomyEmulatorStats $emulator).TotalRequests | Should -Be 0
    }
}

Describe 'Mistakes caught before anything is sent' {
    It 'refuses <Command>' -TestCases @(
        @{ Command = "New-BloomyHeadline -MeetingId 2001 -Title ''"; Message = '*Title*' }
        @{ Command = "New-BloomyHeadline -MeetingId 0 -Title 'x'"; Message = '*MeetingId*' }
        @{ Command = "Set-BloomyHeadline -Id 0 -Title 'x'"; Message = '*Id*' }
        @{ Command = 'Get-BloomyHeadline -UserId 1001 -MeetingId 2001'; Message = '*parameter set*' }
        @{ Command = 'Remove-BloomyHeadline -Id 0 -Confirm:$false'; Message = '*Id*' }
    ) {
        param($Command, $Message)
        Reset-BloomyEmulatorStats $emulator

        { & ([scriptblock]::Create("$Command -ErrorAction Stop")) } | Should -Throw $Message

        (Get-BloomyEmulatorStats $emulator).TotalRequests | Should -Be 0
    }

    It 'never takes a meeting object as a headline' {
        $meeting = Get-BloomyMeeting -Id 2001
        Reset-BloomyEmulatorStats $emulator

        { $meeting | Remove-BloomyHeadline -Confirm:$false -ErrorAction Stop } | Should -Throw

        (Get-BloomyEmulatorStats $emulator).TotalRequests | Should -Be 0
    }
}
