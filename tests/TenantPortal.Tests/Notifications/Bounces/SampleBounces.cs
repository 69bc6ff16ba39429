namespace TenantPortal.Tests.Notifications.Bounces;

/// <summary>Delivery status notifications as real mail servers send them (addresses and hosts made up), each about the
/// email with the Message-Id given: Postfix's "Undelivered Mail Returned to Sender", Exchange Online's non-delivery
/// report and Gmail's "Delivery Status Notification (Failure)", plus a Postfix delay warning and an ordinary reply.</summary>
public static class SampleBounces
{
    public static string Postfix(string messageId, string action = "failed", string status = "5.1.1") => Crlf($"""
        Return-Path: <>
        Delivered-To: bounces@northgate-homes.example.org
        Received: by mail.northgate-homes.example.org (Postfix) id 3F2A81C0A2F; Tue, 10 Nov 2026 10:05:12 +0000 (GMT)
        Date: Tue, 10 Nov 2026 10:05:12 +0000 (GMT)
        From: MAILER-DAEMON@mail.northgate-homes.example.org (Mail Delivery System)
        Subject: {(action == "failed" ? "Undelivered Mail Returned to Sender" : "Delayed Mail (still being retried)")}
        To: bounces@northgate-homes.example.org
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status;
        	boundary="3F2A81C0A2F.1794311112/mail.northgate-homes.example.org"
        Content-Transfer-Encoding: 8bit
        Message-Id: <20261110100512.3F2A81C0A2F@mail.northgate-homes.example.org>

        This is a MIME-encapsulated message.

        --3F2A81C0A2F.1794311112/mail.northgate-homes.example.org
        Content-Description: Notification
        Content-Type: text/plain; charset=us-ascii

        This is the mail system at host mail.northgate-homes.example.org.

        I'm sorry to have to inform you that your message could not
        be delivered to one or more recipients. It's attached below.

        <alex.morgan@example.net>: host mx.example.net[192.0.2.25] said: 550 5.1.1
            <alex.morgan@example.net>: Recipient address rejected: User unknown in
            virtual mailbox table (in reply to RCPT TO command)

        --3F2A81C0A2F.1794311112/mail.northgate-homes.example.org
        Content-Description: Delivery report
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mail.northgate-homes.example.org
        X-Postfix-Queue-ID: 3F2A81C0A2F
        X-Postfix-Sender: rfc822; bounces@northgate-homes.example.org
        Arrival-Date: Tue, 10 Nov 2026 10:05:10 +0000 (GMT)

        Final-Recipient: rfc822; alex.morgan@example.net
        Original-Recipient: rfc822;alex.morgan@example.net
        Action: {action}
        Status: {status}
        Remote-MTA: dns; mx.example.net
        Diagnostic-Code: smtp; 550 {status} <alex.morgan@example.net>: Recipient address
            rejected: User unknown in virtual mailbox table

        --3F2A81C0A2F.1794311112/mail.northgate-homes.example.org
        Content-Description: Undelivered Message Headers
        Content-Type: text/rfc822-headers
        Content-Transfer-Encoding: 8bit

        Return-Path: <bounces@northgate-homes.example.org>
        Received: from portal (portal.internal [10.0.0.5])
        	by mail.northgate-homes.example.org (Postfix) with ESMTPSA id 3F2A81C0A2F
        	for <alex.morgan@example.net>; Tue, 10 Nov 2026 10:05:10 +0000 (GMT)
        From: Northgate Homes <noreply@northgate-homes.example.org>
        To: alex.morgan@example.net
        Subject: Repair R2026-00123: we have your report
        Date: Tue, 10 Nov 2026 10:05:09 +0000
        Message-Id: <{messageId}>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        --3F2A81C0A2F.1794311112/mail.northgate-homes.example.org--

        """);

    public static string Exchange(string messageId) => Crlf($"""
        From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@northgatehomes.onmicrosoft.com>
        To: <bounces@northgate-homes.example.org>
        Date: Tue, 10 Nov 2026 10:06:01 +0000
        Content-Type: multipart/report; report-type=delivery-status;
        	boundary="a0d4b2c9-1f67-4b0e-9b67-3d2f7c1e8a55"
        X-MS-Exchange-Message-Is-Ndr:
        Content-Language: en-GB
        Message-ID: <0c1d8f1e-42aa-4a3b-9a5e-1f2e3d4c5b6a@LO2P265MB1234.GBRP265.PROD.OUTLOOK.COM>
        In-Reply-To: <{messageId}>
        References: <{messageId}>
        Subject: Undeliverable: Repair R2026-00123: we have your report
        MIME-Version: 1.0

        --a0d4b2c9-1f67-4b0e-9b67-3d2f7c1e8a55
        Content-Type: multipart/alternative; differences=Content-Type;
        	boundary="b1e5c3da-2078-4c1f-8c78-4e3f8d2f9b66"

        --b1e5c3da-2078-4c1f-8c78-4e3f8d2f9b66
        Content-Type: text/plain; charset="us-ascii"
        Content-Transfer-Encoding: quoted-printable

        Your message to sam.okafor@example.com couldn't be delivered.
        sam.okafor wasn't found at example.com.

        Remote server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient=
         not found by SMTP address lookup'

        --b1e5c3da-2078-4c1f-8c78-4e3f8d2f9b66
        Content-Type: text/html; charset="us-ascii"
        Content-Transfer-Encoding: quoted-printable

        <html><body><p>Your message to sam.okafor@example.com couldn't be delivered.</p></body></html>

        --b1e5c3da-2078-4c1f-8c78-4e3f8d2f9b66--

        --a0d4b2c9-1f67-4b0e-9b67-3d2f7c1e8a55
        Content-Type: message/delivery-status

        Reporting-MTA: dns;LO2P265MB1234.GBRP265.PROD.OUTLOOK.COM
        Received-From-MTA: dns;mail.northgate-homes.example.org
        Arrival-Date: Tue, 10 Nov 2026 10:05:58 +0000

        Original-Recipient: rfc822;sam.okafor@example.com
        Final-Recipient: rfc822;sam.okafor@example.com
        Action: failed
        Status: 5.1.10
        Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup
        X-Display-Name: Sam Okafor

        --a0d4b2c9-1f67-4b0e-9b67-3d2f7c1e8a55
        Content-Type: message/rfc822

        Received: from mail.northgate-homes.example.org (192.0.2.10) by
         LO2P265MB1234.GBRP265.PROD.OUTLOOK.COM with Microsoft SMTP Server; Tue, 10 Nov 2026 10:05:58 +0000
        From: Northgate Homes <noreply@northgate-homes.example.org>
        To: sam.okafor@example.com
        Subject: Repair R2026-00123: we have your report
        Date: Tue, 10 Nov 2026 10:05:55 +0000
        Message-ID: <{messageId}>
        MIME-Version: 1.0
        Content-Type: text/plain; charset="utf-8"

        Dear Sam,

        Thank you for reporting a repair to Northgate Homes.

        --a0d4b2c9-1f67-4b0e-9b67-3d2f7c1e8a55--

        """);

    public static string Gmail(string messageId) => Crlf($"""
        Delivered-To: bounces@northgate-homes.example.org
        Return-Path: <>
        From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
        To: bounces@northgate-homes.example.org
        Auto-Submitted: auto-replied
        Subject: Delivery Status Notification (Failure)
        References: <{messageId}>
        In-Reply-To: <{messageId}>
        X-Failed-Recipients: jo.bloggs1987@gmail.com
        Message-ID: <6a3f1b2c.050a0220.1b2c3d.0000.GMR@mx.google.com>
        Date: Tue, 10 Nov 2026 02:07:14 -0800 (PST)
        MIME-Version: 1.0
        Content-Type: multipart/report; boundary="000000000000f1a2b30602c1d4e5"; report-type=delivery-status

        --000000000000f1a2b30602c1d4e5
        Content-Type: text/plain; charset="UTF-8"

        ** Address not found **

        Your message wasn't delivered to jo.bloggs1987@gmail.com because the address couldn't be found, or is unable to receive mail.

        --000000000000f1a2b30602c1d4e5
        Content-Type: message/delivery-status

        Reporting-MTA: dns; googlemail.com
        Received-From-MTA: dns; noreply@northgate-homes.example.org
        Arrival-Date: Tue, 10 Nov 2026 02:07:13 -0800 (PST)
        X-Original-Message-ID: <{messageId}>

        Final-Recipient: rfc822; jo.bloggs1987@gmail.com
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. For more information, go to https://support.google.com/mail/?p=NoSuchUser
        Last-Attempt-Date: Tue, 10 Nov 2026 02:07:14 -0800 (PST)

        --000000000000f1a2b30602c1d4e5
        Content-Type: text/rfc822-headers

        From: Northgate Homes <noreply@northgate-homes.example.org>
        To: jo.bloggs1987@gmail.com
        Subject: Your repair R2026-00123 is booked
        Message-ID: <{messageId}>
        Date: Tue, 10 Nov 2026 10:07:12 +0000
        MIME-Version: 1.0

        --000000000000f1a2b30602c1d4e5--

        """);

    /// <summary>An ordinary email in the bounce mailbox (a tenant replying to the Return-Path): not a report.</summary>
    public static string Reply(string messageId) => Crlf($"""
        From: Alex Morgan <alex.morgan@example.net>
        To: bounces@northgate-homes.example.org
        Subject: Re: Repair R2026-00123: we have your report
        In-Reply-To: <{messageId}>
        Message-ID: <reply-1@example.net>
        Date: Tue, 10 Nov 2026 11:00:00 +0000
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Thanks, the tap is still dripping.

        """);

    private static string Crlf(string text) => text.ReplaceLineEndings("\r\n");
}
