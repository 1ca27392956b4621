AP, RC, BL, HS = "agentless-passive", "root-cause", "blame", "hindsight"
KEYS = ["summary", "impact", "timeline", "what_went_well", "what_went_poorly",
        "contributing_factors", "action_items", "lessons_learned"]

def secs(*headings, empty=()):
    return dict(zip(KEYS, headings)), set(empty)

# action item: (locator substring, has_owner, has_due_date, done, vague)
SPEC = {}

SPEC["2023-02-09-tls-cert-expiry.md"] = dict(
    date="2023-02-09", date_source="body", format="markdown", heading_style="atx",
    description="Expired TLS certificate on a manually managed partner API hostname; complete, blameless, first person; no sentence findings.",
    sections=secs("Summary", "Impact", "Timeline", "What went well", "What went wrong",
                  "Contributing factors", "Action items", "Lessons learned"),
    items=[("Move `api.partners", 1, 1, 0, 0), ("Add every certificate the edge", 1, 1, 0, 0),
           ("Change the contact address", 1, 1, 0, 0), ("Audit Pingdom", 1, 1, 0, 0),
           ("Add a partner-support runbook", 1, 1, 0, 0)],
    findings=[],
    clean=[("No data was lost.", "stative participle (result state), clean per guide")],
)

SPEC["2023-05-17-dns-outage.md"] = dict(
    date="2023-05-17", date_source="file_name", format="markdown", heading_style="setext",
    description="Route 53 private zone association removed by a Terraform change; setext headings, date only in the file name, no what-went-well, 'Root Cause' section, many findings.",
    sections=secs("Summary", "Impact", "Timeline", None, "What went wrong", "Root Cause", "Action Items", None),
    items=[("Be more careful when applying", 0, 0, 0, 1), ("Require two approvals", 1, 1, 0, 0),
           ("Add a synthetic DNS check", 1, 0, 0, 0), ("Improve monitoring.", 0, 0, 0, 1),
           ("Retrain the team on reading", 0, 1, 0, 1), ("Move the deploy dashboard", 1, 1, 0, 0)],
    findings=[
        (AP, "A change to the Route 53 private hosted zone associations was pushed during business hours, and the production VPC was detached from the zone."),
        (AP, "13:58 - Terraform plan for the prod-network workspace posted to the PR."),
        (AP, "14:02 - Terraform change applied to prod-network workspace."),
        (AP, "14:03 - Zone association for vpc-prod-use1 removed."),
        (AP, "14:11 - Incident declared in #incidents."),
        (AP, "14:20 - DNS resolution identified as the problem after an engineer runs `dig` from a pod."),
        (AP, "14:26 - Recent changes reviewed; Terraform PR #4471 flagged as suspicious."),
        (AP, "14:38 - Revert PR approved and applied."),
        (AP, "14:52 - Recovery confirmed and incident closed."),
        (HS, 'The plan output listed the association under "destroy", and the engineer should have caught it before typing `yes`.'),
        (BL, "This was human error: the engineer who applied the change failed to read the plan output before applying it."),
        (RC, "Root Cause"),
        (RC, "The root cause was a Terraform change that removed the production VPC from the private hosted zone's association list."),
        ((HS, AP), "This outage could have been avoided with a second reviewer from the networking team."),
        (BL, "Be more careful when applying Terraform changes."),
    ],
    clean=[("The change was meant to add the new analytics VPC to the zone; instead, the Terraform module replaced the whole association list with a list that held only the analytics VPC.", "stative 'was meant to'"),
           ("Roughly 22,000 user sessions were affected, and about 4,100 checkout attempts returned errors.", "impact statement with 'affected'"),
           ("The change was reviewed by one person who does not normally work on networking.", "passive that names its agent")],
)

SPEC["2023-08-30-database-failover.md"] = dict(
    date="2023-08-30", date_source="front_matter", format="markdown", heading_style="atx-numbered-paren",
    description="Patroni failover left PgBouncer pointing at the demoted primary; YAML front matter, '## 4) Timeline' numbered headings, action items as a table; no sentence findings.",
    sections=secs("1) Summary", "2) Impact", "4) Timeline", "5) What went well", "6) What went poorly",
                  "7) Contributing factors", "8) Action items", None),
    table_col=1,
    items=[("Set `server_lifetime`", 1, 1, 0, 0), ("Add a Patroni callback", 1, 1, 0, 0),
           ("Extend the failover runbook", 1, 1, 0, 0), ("Show the top five error", 1, 1, 0, 0),
           ("Run a staging failover drill", 1, 1, 0, 0)],
    findings=[],
    clean=[("PgBouncer should have followed the new primary within one health-check interval, as our failover design assumed, but it kept its old connections for 38 minutes.", "'should have' about behaviour designed in advance, not hindsight"),
           ("The promotion itself worked as designed and took 24 seconds.", "stative 'as designed'")],
)

SPEC["2023-11-06-runaway-cron-job.md"] = dict(
    date="2023-11-06", date_source="body", format="markdown", heading_style="bold-line",
    description="Hourly instead of nightly report cron job exhausted replica connections; Google Docs export with bold-line headings, 'What went well' is N/A, 'Owner: Name' items.",
    sections=secs("Summary", "Impact", "Timeline (CET)", "What went well", "What didn't go well",
                  "Contributing factors", "Action items", None, empty=["what_went_well"]),
    items=[("Wrap every job on report-01", 1, 1, 0, 0), ("Move the revenue report", 1, 0, 0, 0),
           ("Alert when the reporting replica", 0, 1, 0, 0), ("Review the other cron jobs.", 1, 0, 0, 1),
           ("Name an owning team", 1, 1, 0, 0), ("Set a connection validation query", 1, 1, 0, 0)],
    findings=[
        (AP, "Nov 6, 09:40 — Job disabled in crontab and running copies killed."),
        (AP, "Nov 6, 11:30 — Finance informed."),
        (AP, "The cron schedule was changed from `0 2 * * *` to `0 * * * *` in a cleanup PR that touched 23 lines."),
        (AP, "The overlap was not noticed for three days."),
        (BL, "The author failed to test the new schedule before merging."),
        (HS, "If only we had used a lock file from the start, none of this would have happened."),
    ],
    clean=[("Nov 6, 11:05 — Metabase restarted, dashboards loading again.", "fragment with an intransitive verb ('restarted')")],
)

SPEC["2024-01-22-bad-feature-flag.md"] = dict(
    date="2024-01-22", date_source="body", format="markdown", heading_style="atx",
    description="LaunchDarkly flag set to 100% instead of 10% doubled VAT on EU prices; 'TL;DR', 'What went right', 'Trigger', 'Follow-ups' checklist.",
    sections=secs("TL;DR", "Impact", "Timeline (CET)", "What went right", "What didn't go well",
                  "Trigger", "Follow-ups", None),
    items=[("Turn `new-pricing-engine` off", 1, 1, 1, 0), ("Refund the overcharge", 1, 1, 1, 0),
           ("Require a second approver", 1, 1, 0, 0), ("Fill `price_includes_vat`", 1, 1, 0, 0),
           ("Add EU products with VAT-inclusive", 1, 1, 0, 0), ("Include the rollout percentage", 1, 0, 0, 0),
           ("Improve monitoring.", 0, 0, 0, 1)],
    findings=[
        (AP, "The flag was flipped to 100% at 10:02 instead of the planned 10%."),
        (AP, "**10:47** Flag rolled back to 0% for all EU storefronts."),
        (HS, "In hindsight, a percentage rollout against a copy of the EU catalogue would have caught the VAT issue."),
    ],
    clean=[("The UK and US storefronts were not affected.", "impact statement with 'affected'")],
)

SPEC["2024-04-03-k8s-node-pool-upgrade.md"] = dict(
    date="2024-04-03", date_source="body", format="markdown", heading_style="atx",
    description="GKE node pool upgrade drained all ingress-nginx pods at once (no PDB); fenced code blocks and inline code containing 'root cause: unknown', 'were unschedulable', 'was restored', `human_error` that must not be flagged; no sentence findings.",
    sections=secs("Summary", "Customer impact", "Timeline", "Things that went well", "What went poorly",
                  "Contributing factors", "Action items", "Lessons learned"),
    items=[("Add a PodDisruptionBudget with", 1, 1, 0, 0), ("Add zone and hostname topology", 1, 1, 0, 0),
           ("Add a pre-flight script", 1, 1, 0, 0), ("Add a Gatekeeper policy", 1, 1, 0, 0),
           ("Reset the status page template", 1, 1, 0, 0), ("Remove the `human_error` default", 1, 1, 0, 0)],
    findings=[],
    clean=[("3m          Warning   FailedScheduling   0/41 nodes are available: 12 node(s) were unschedulable, 29 Insufficient cpu.", "inside a fenced code block"),
           ('{"severity":"WARNING","backend":"k8s1-ingress-nginx","healthState":"UNHEALTHY","detail":"root cause: unknown","count":3}', "inside a fenced code block"),
           ('{"severity":"INFO","backend":"k8s1-ingress-nginx","healthState":"HEALTHY","detail":"backend was restored","count":1}', "inside a fenced code block"),
           ("# incident tracker default was cause_category: human_error", "inside a fenced code block"),
           ("The status page template still contained the placeholder text `root cause: unknown` from its last use, and Sara had to rewrite it in the middle of the incident.", "'root cause' only inside inline code"),
           ("Our incident tracker asks for a cause category and offers `human_error` as the default.", "'human_error' only inside inline code")],
)

SPEC["2024-07-15-email-queue-backlog.txt"] = dict(
    date="2024-07-15", date_source="body", format="text", heading_style="all-caps-lines",
    description="Kafka consumer lag after a release added a synchronous call; plain text, ALL CAPS headings, hard-wrapped lines, '[hh:mm:ss]' timeline, 'Owner: Name, due Aug 9'.",
    sections=secs("SUMMARY", "IMPACT", "TIMELINE (all times UTC)", "WHAT WENT WELL", "WHAT WENT WRONG",
                  "CONTRIBUTING FACTORS", "ACTION ITEMS", None),
    items=[("Make the template-service call", 1, 1, 0, 0), ("Split 2FA and password reset", 1, 1, 0, 0),
           ("Page on-call when email.outbound", 1, 0, 0, 0), ("Load test email-worker releases", 0, 1, 0, 0),
           ("Improve monitoring.", 0, 0, 0, 1)],
    findings=[
        (AP, "On Monday 15 July 2024, transactional emails (password resets, order confirmations, two-factor codes) were delayed by up to three hours."),
        (AP, "The backlog was cleared by 13:05 UTC."),
        (AP, "[10:20:00] Backlog alert acknowledged."),
        (AP, "[13:30:00] Status page updated."),
        (AP, "The 3.2.0 release was tested against a template-service mock that answers in 5 ms."),
        (BL, "The on-call engineer was slow to respond to the first escalation."),
        (RC, "The primary cause of the backlog was the synchronous call to template-service in 3.2.0, which cut per-pod throughput from about 400 to 60 messages per second."),
    ],
    clean=[("[10:12:00] Incident opened by the on-call engineer (Rafael).", "passive fragment that names its agent"),
           ("[11:10:00] Consumer pods scaled from 12 to 36 by Rafael.", "names its agent"),
           ("[10:44:00] Rollback to email-worker 3.1.4 started.", "intransitive 'started'"),
           ("No emails were lost.", "stative result")],
)

SPEC["2024-10-28-payment-provider-outage.md"] = dict(
    date="2024-10-28", date_source="body", format="markdown", heading_style="atx",
    description="Card processor degradation amplified by fixed-delay retries; timeline as a table ('Chronology'), 'Successes', 'Corrective actions' table with Owner/Due/Status; no sentence findings.",
    sections=secs("Summary", "Customer impact", "Chronology", "Successes", "What went wrong",
                  "Contributing factors", "Corrective actions", "Lessons learned"),
    table_col=0,
    items=[("Switch the checkout payment client", 1, 1, 0, 0), ("Write processor-switch criteria", 1, 1, 1, 0),
           ("Add automatic failover to Adyen", 1, 1, 0, 0), ('Replace "check the vendor status page"', 1, 1, 1, 0),
           ("Agree with Paylane", 1, 1, 0, 0), ("Add a switch-back checklist", 1, 1, 0, 0)],
    findings=[],
    clean=[("Without that flag, we would have had no way to take card payments until Paylane recovered.", "counterfactual crediting a safeguard"),
           ("Customers who paid with PayPal or bank transfer were not affected.", "impact statement with 'affected'")],
)

SPEC["2025-02-11-mobile-app-release-crash.md"] = dict(
    date="2025-02-11", date_source="body", format="markdown", heading_style="atx",
    description="iOS release crashed on launch after a Core Data migration; titled 'Root Cause Analysis', no what-went-well, heavy blame and hindsight, vague action items.",
    sections=secs("Summary", "Impact", "Timeline (all times ET)", None, "What went wrong", "Root cause", "Action items", None),
    items=[("Retrain the team.", 0, 0, 0, 1), ("Be more careful when deploying.", 0, 0, 0, 1),
           ("Add devices with 7.12 and 7.13", 1, 1, 0, 0), ("Turn on phased release", 1, 0, 0, 0),
           ("Add a nil-safety lint", 0, 1, 0, 0), ("Show a recovery screen", 1, 1, 0, 0)],
    findings=[
        (RC, "Root Cause Analysis: iOS app 7.14.0 crashed on launch for users upgrading from 7.12"),
        (AP, "On February 11, 2025, version 7.14.0 of the iOS app was released to 100% of iOS users without a phased rollout."),
        (RC, "The crash was caused by a Core Data migration that assumed a non-null `loyaltyTier` field."),
        (AP, "Feb 10 18:40 — 7.14.0 submitted to App Store review."),
        (AP, "Feb 11 09:30 — Release pushed to all users."),
        ((AP, BL), "Feb 11 10:20 — Alert ignored because the channel is noisy during releases."),
        (AP, "Feb 11 13:10 — Incident declared."),
        (AP, "Feb 11 14:30 — Crash traced to the Core Data migration from model v32 to v33."),
        (AP, "Feb 11 16:55 — Hotfix 7.14.1 built and submitted for expedited review."),
        (AP, "Feb 12 04:50 — 7.14.1 approved and released."),
        (BL, "QA failed to test the build on devices that still had 7.12 installed."),
        (BL, "The developer who wrote the migration was careless and skipped the upgrade test."),
        (BL, "Everyone knew the migration code was fragile, and the team simply ignored it."),
        ((HS, AP), "This should have been caught in code review."),
        (AP, "Phased release was turned off in App Store Connect for this version."),
        (RC, "Root cause"),
        (HS, "The developers should have known that many users skip versions."),
        (BL, "Be more careful when deploying."),
    ],
    clean=[("Feb 11 09:12 — Build approved by Apple.", "passive fragment that names its agent"),
           ("Android and web were unaffected.", "adjective")],
)

SPEC["2025-03-14-cdn-cache-purge.md"] = dict(
    date="2025-03-14", date_source="body", format="markdown", heading_style="atx-numbered-dot",
    description="Fastly purge-all instead of a surrogate-key purge overloaded the image origin; '## 3. What went well' headings, what-went-well is 'TBD', 'Remediation' bullets with 'by <date>'.",
    sections=secs("1. Summary", "2. Impact", "5. Timeline", "3. What went well", "4. What went wrong",
                  "6. Contributing factors", "7. Remediation", None, empty=["what_went_well"]),
    items=[("Make `purge.sh` refuse", 1, 1, 0, 0), ("Turn origin shielding back on", 1, 1, 0, 0),
           ("Add request coalescing", 1, 1, 0, 0), ("Raise the image origin autoscaling", 0, 1, 0, 0),
           ("Restrict purge-all API tokens", 1, 0, 0, 0)],
    findings=[
        (AP, "On 14 March 2025 at 11:20 UTC, a purge of the entire CDN cache was triggered through the Fastly API instead of a purge of the `product-images` surrogate key."),
        (RC, "The outage was entirely due to the purge-all call."),
        (AP, "Shielding was turned off on the image service last year during a migration and never turned back on."),
        (AP, "11:26Z — Page sent to the web on-call."),
        (AP, "11:40Z — Decision made to scale the image origin."),
        (AP, "11:52Z — Autoscaling group maximum raised from 2 to 12."),
    ],
    clean=[],
)

SPEC["2025-05-31-disk-full-logging-cluster.md"] = dict(
    date="2025-05-31", date_source="body", format="markdown", heading_style="setext",
    description="Debug logging filled the Elasticsearch logging cluster's disks; setext headings, 'What worked', 'Root causes' (several listed), action-item table with blank Owner/Due cells.",
    sections=secs("Overview", "User impact", "Timeline of events", "What worked", "What went poorly",
                  "Root causes", "Action items", None),
    table_col=0,
    items=[("Alert at 75% and page at 85%", 1, 1, 0, 0), ("Add a per-service ingest rate limit", 1, 1, 0, 0),
           ("Make the debug log level expire", 0, 1, 0, 0), ("Add an alert when any log-based", 1, 0, 0, 0),
           ("Review logging practices", 0, 0, 0, 1)],
    findings=[
        (AP, "Debug logging was enabled on the search-indexer service on Friday afternoon and was never turned back off, and it tripled our daily log volume."),
        (AP, "Fri 30 May 16:05 – Debug logging turned on for search-indexer to investigate a slow query report."),
        (AP, "All indices set to read-only."),
        (AP, "Sat 31 May 05:52 – Index retention was reduced from 14 to 7 days to free space."),
        (AP, "Sat 31 May 05:58 – Read-only block removed from all indices; ingestion resumes."),
        (AP, "Sat 31 May 06:30 – Debug logging disabled on search-indexer."),
        (HS, "We should have had a disk usage alert on the data nodes."),
        (RC, "Root causes"),
    ],
    clean=[],
)

SPEC["2025-09-17-iam-export-permissions.md"] = dict(
    date="2025-09-17", date_source="body", format="markdown", heading_style="atx-h3",
    description="Least-privilege IAM cleanup removed s3:PutObject from the export role; ISO-8601 timeline, checklist follow-ups with @handles and dates; no sentence findings.",
    sections=secs("Summary", "Impact", "Timeline", "What went well", "What went wrong",
                  "Contributing factors", "Follow-ups", None),
    items=[("Restore `s3:PutObject`", 1, 1, 1, 0), ("Rerun the exports for 17", 1, 1, 1, 0),
           ("Map multipart uploads", 1, 1, 0, 0), ("Make the export job exit non-zero", 1, 1, 0, 0),
           ("Alert when any enterprise customer", 1, 1, 0, 0), ("Remove permissions one role per day", 1, 1, 0, 0)],
    findings=[],
    clean=[],
)

SPEC["2025-12-29-week-year-invoice-dates.md"] = dict(
    date="2025-12-29", date_source="body", format="markdown", heading_style="atx",
    description="Java 'YYYY' week-based-year pattern dated invoices in 2026 (leap-second-style calendar bug); '(Name)' owners, 'Q1 2026' and 'due Jan 30' dates, lessons learned that explicitly avoid a single root cause.",
    sections=secs("Summary", "Impact", "Timeline (Pacific time)", "What went well", "What didn't go well",
                  "Contributing factors", "Action items", "Lessons learned"),
    items=[("Add an Error Prone check", 1, 1, 0, 0), ("Add property-based tests", 1, 1, 0, 0),
           ('Add "wrong date or amount', 1, 1, 0, 0), ("Audit the other services", 1, 1, 0, 0),
           ("Make the payment scheduler hold", 0, 1, 0, 0)],
    findings=[
        (AP, "Dec 30, 10:30 AM — The ticket was escalated to billing engineering after a customer pointed out the due date."),
        (AP, "Dec 30, 3:45 PM — Fix merged and deployed to production."),
        ((HS, AP), "Somebody should have reviewed the date patterns when the template code was refactored in March."),
    ],
    clean=[("We do not think this incident has a single root cause: a look-alike format code, tests that never crossed a year boundary, and a triage path that treated a legal document like a cosmetic bug all had to line up.", "discusses the term in order to avoid it")],
)

SPEC["2026-03-05-preferences-data-migration.md"] = dict(
    date="2026-03-05", date_source="body", format="markdown", heading_style="atx",
    description="MongoDB-to-Postgres migration dropped a consent field and re-subscribed users; titled 'RCA', empty what-went-well list, 'Root cause' section, checklist with missing owners, many findings.",
    sections=secs("Summary", "Impact", "Timeline", "What went well", "What went wrong",
                  "Root cause", "Corrective actions", None, empty=["what_went_well"]),
    items=[("Restore preferences from the MongoDB", 1, 1, 1, 0), ("Cancel all scheduled marketing", 1, 1, 1, 0),
           ("Change the `email_marketing` column", 1, 1, 0, 0), ("Add a field-by-field sample", 0, 0, 0, 0),
           ("Require privacy review", 0, 1, 0, 0), ("Tyler should be more careful", 0, 0, 0, 1)],
    findings=[
        (RC, "RCA: Preferences migration re-subscribed 41,300 users to marketing email"),
        (AP, "On March 5, 2026, the notification preferences of 41,300 users were reset to the defaults during the migration of the preferences service from MongoDB to Postgres."),
        (AP, "As a result, marketing emails were sent to users who had opted out."),
        (AP, "2026-03-05 21:10 — Backfill script launched against production with `--batch-size 50000`."),
        (AP, "2026-03-05 22:05 — Feature flag `prefs_read_postgres` enabled."),
        (AP, "2026-03-06 09:00 — Scheduled newsletter sent to 1.2M users."),
        (AP, "2026-03-06 16:45 — Problem traced to missing `email_marketing` values in Postgres."),
        (AP, "2026-03-06 17:30 — All scheduled marketing campaigns cancelled."),
        (AP, "2026-03-07 10:00 — Preferences restored from the MongoDB snapshot."),
        (BL, "Tyler was careless with the field list and never checked the output."),
        (AP, "The dry run was skipped because of time pressure."),
        (AP, "The migration script was never reviewed."),
        ((HS, AP), "This could have been avoided if the team had compared a sample of documents field by field."),
        (BL, "Engineering failed to tell the growth team about the migration, so campaigns kept running from a tool that reads its own copy of the preferences."),
        (RC, "Root cause"),
        ((RC, BL), "The root cause was human error in the migration script."),
        (HS, "We should have known that a default of `true` on a consent field is dangerous."),
        (BL, "Tyler should be more careful with production migrations."),
    ],
    clean=[("2026-03-05 21:00 — Migration window opens.", "active, intransitive")],
)

SPEC["not-postmortems/README.md"] = dict(
    is_postmortem=False, format="markdown",
    description="Team README on how to write postmortems; names every section (also in a fenced template) but is not a postmortem.",
    findings=[],
    clean=[("We do not look for a single root cause; we list contributing factors.", "discusses the term in order to avoid it"),
           ("The incident lead owns the document and should have a draft ready within five working days.", "forward-looking 'should have'")],
)

SPEC["../sample-postmortem.md"] = dict(
    date="2025-08-12", date_source="body", format="markdown", heading_style="atx",
    description="README quick-start sample: connection pool typo; no what-went-well, one item without owner and one without date, six deliberate findings.",
    sections=secs("Summary", "Impact", "Timeline", None, "What went wrong", "Contributing factors", "Action items", "Lessons learned"),
    items=[("Add a pool-saturation alert", 1, 1, 0, 0), ("Send config changes through", 1, 1, 0, 0),
           ("Rename the keys to", 0, 1, 0, 0), ("Add connection pool panels", 1, 0, 0, 0),
           ("Escalate unacknowledged SEV-2", 1, 1, 0, 0), ("Show the author of each config", 1, 1, 0, 0)],
    findings=[
        (AP, "Customers who retried after the change was reverted at 14:39 succeeded normally."),
        (AP, "14:05 — Config change deployed to prod."),
        (AP, "The page was acknowledged twelve minutes after it fired."),
        (BL, "The reviewer failed to notice that the pool size changed from 50 to 5."),
        (RC, "The root cause was a typo in `orders.yaml`: the PR meant to set `pool_size: 50` for the new read replica, but it set `pool_size: 5` in the block for the primary."),
        (HS, "We should have caught this in staging."),
    ],
    clean=[("Other services that use the same database were not affected.", "impact statement with 'affected'")],
)
