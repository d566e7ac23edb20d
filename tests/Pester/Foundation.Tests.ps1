#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-BloomyBuiltModule
    $script:emulator = Start-BloomyEmulator -Users 40 -LatencyMs 20
    Connect-BloomyEmulator $emulator
}

AfterAll {
    Disconnect-Bloomy
    Stop-BloomyEmulator $emulator
}

Describe 'Connecting' {
    AfterAll {
        # Connect-Bloomy -PassThru and the failed attempts must leave Ada's connection as the default.
        Connect-BloomyEmulator $emulator
    }

    It 'returns a connection object that never shows the key' {
        $connection = Connect-Bloomy -BaseUri $emulator.BaseUri -Credential (Get-BloomyDemoCredential) -PassThru
        $connection.UserName | Should -Be 'Ada Park'
        $connection.UserId | Should -Be 1001
        $connection.BaseUri.AbsoluteUri | Should -Be $emulator.BaseUri
        ($connection | Format-List * | Out-String) | Should -Not -Match 'bg-demo'
        "$connection" | Should -Not -Match 'bg-demo'
    }

    It 'terminates with an authentication error for a bad key' {
        { Connect-Bloomy -BaseUri $emulator.BaseUri -ApiKey 'not-a-key' } |
            Should -Throw -ErrorId 'Bloomy.Authentication,*'
    }

    It 'names the three places a key can come from when there is none' {
        $saved = $env:BG_API_KEY, $env:BLOOMY_CONFIG_PATH
        try {
            $env:BG_API_KEY = $null
            $env:BLOOMY_CONFIG_PATH = Join-Path ([System.IO.Path]::GetTempPath()) 'no-such-bloomy-config.yaml'
            { Connect-Bloomy -BaseUri $emulator.BaseUri } | Should -Throw '*BG_API_KEY*config.yaml*'
        }
        finally {
            $env:BG_API_KEY, $env:BLOOMY_CONFIG_PATH = $saved
            Connect-BloomyEmulator $emulator
        }
    }

    It 'connects nothing on its own after Disconnect-Bloomy, even with BG_API_KEY set, until Connect-Bloomy' {
        $saved = $env:BG_API_KEY
        try {
            $env:BG_API_KEY = Get-BloomyEmulatorApiKey $emulator
            Disconnect-Bloomy
            Reset-BloomyEmulatorStats $emulator
            { Get-BloomyUser } | Should -Throw -ErrorId 'Bloomy.Disconnected,*' -ExpectedMessage '*Connect-Bloomy*'
            { Get-BloomyTodo } | Should -Throw -ErrorId 'Bloomy.Disconnected,*'
            Get-BloomyConnection | Should -BeNullOrEmpty
            (Get-BloomyEmulatorStats $emulator).TotalRequests | Should -Be 0
            # Connect-Bloomy without a key takes BG_API_KEY again.
            Connect-Bloomy -BaseUri $emulator.BaseUri
            (Get-BloomyUser).Name | Should -Be 'Ada Park'
        }
        finally {
            $env:BG_API_KEY = $saved
            Connect-BloomyEmulator $emulator
        }
    }
}

Describe 'Users and to-dos' {
    It 'gets the current user by default' {
        (Get-BloomyUser).Name | Should -Be 'Ada Park'
    }

    It 'shows the current user''s e-mail and position, which users/mine does not return' {
        $me = Get-BloomyUser
        $listed = Get-BloomyUser -All | Where-Object Id -eq $me.Id
        $me.Email | Should -Be 'ada@example.com'
        $me.Position | Should -Be $listed.Position
        $me.Position | Should -Not -BeNullOrEmpty
        (Get-BloomyUser -Id 1002).Email | Should -Not -BeNullOrEmpty
    }

    It 'describes the connection''s request cap as a cap' {
        $text = "$(Get-BloomyConnection)"
        $text | Should -Match 'up to \d+ requests at once'
        $text | Should -Not -Match 'in flight'
    }

    It 'lists every user''s to-dos, grouped by user in user order' {
        $users = Get-BloomyUser -All
        $todos = $users | Get-BloomyTodo -ThrottleLimit 10
        $todos | Should -Not -BeNullOrEmpty
        $owners = $todos.OwnerId | Select-Object -Unique
        $owners | Should -Be ($users.Id | Where-Object { $_ -in $owners })
    }

    It 'keeps at most -ThrottleLimit requests in flight' {
        Reset-BloomyEmulatorStats $emulator
        Get-BloomyUser -All | Get-BloomyTodo -ThrottleLimit 4 | Out-Null
        (Get-BloomyEmulatorStats $emulator).PeakInFlight | Should -Be 4
    }

    It 'writes one error record naming a missing to-do and goes on' {
        $ids = (Get-BloomyTodo | Select-Object -First 2).Id
        $result = $ids[0], 999999, $ids[1] | Get-BloomyTodo -ErrorVariable failures -ErrorAction SilentlyContinue
        $result.Id | Should -Be $ids
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Bloomy.NotFound,*'
        $failures[0].TargetObject | Should -Be 999999
    }
}

Describe 'Meetings' {
    It 'pipes meetings into Get-BloomyTodo' {
        $meetings = Get-BloomyMeeting
        $todos = $meetings | Get-BloomyTodo
        $todos.MeetingId | Select-Object -Unique | ForEach-Object { $_ | Should -BeIn $meetings.Id }
    }

    It 'gets one meeting in detail' {
        $meeting = Get-BloomyMeeting | Select-Object -First 1
        $detail = Get-BloomyMeeting -Id $meeting.Id -Detailed
        $detail.Name | Should -Be $meeting.Name
        $detail.Attendees | Should -Not -BeNullOrEmpty
    }
}

Describe 'Creating and completing to-dos' {
    It 'creates a meeting to-do from a CSV-like row' {
        $meeting = Get-BloomyMeeting | Select-Object -First 1
        $todo = [pscustomobject]@{ Title = 'Call Ada'; MeetingId = $meeting.Id; DueDate = '2026-12-01' } | New-BloomyTodo
        $todo.Title | Should -Be 'Call Ada'
        $todo.MeetingId | Should -Be $meeting.Id
        $todo.DueDate.Date | Should -Be ([datetime]'2026-12-01')
    }

    It 'sends nothing with -WhatIf' {
        Reset-BloomyEmulatorStats $emulator
        Get-BloomyTodo | Complete-BloomyTodo -WhatIf
        (Get-BloomyEmulatorStats $emulator).TotalRequests | Should -Be 1
    }

    It 'completes a to-do and returns it with -PassThru' {
        $todo = New-BloomyTodo -Title 'Finish me'
        $done = $todo | Complete-BloomyTodo -PassThru
        $done.Complete | Should -BeTrue
    }
}
