from django.contrib.auth import views as auth_views
from django.urls import path

from accord.web import (
    account_views,
    adoption_views,
    bracketed_views,
    check_views,
    cosponsor_views,
    desk_views,
    download_views,
    drafting_views,
    history_views,
    participants_views,
    position_views,
    record_views,
    report_views,
    revision_views,
    setup_views,
    silence_views,
    statement_views,
    status_views,
    views,
)

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(template_name="accord/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/tokens/", account_views.api_tokens, name="api-tokens"),
    path("account/tokens/<int:token>/revoke/", account_views.revoke_token, name="revoke-token"),
    path("record/log.jsonl", record_views.published_log, name="published-log"),
    path("record/public-key.pem", record_views.public_key, name="public-key"),
    path("record/checkpoints/", record_views.checkpoints, name="checkpoints"),
    path("record/receipts/<int:seq>.json", record_views.receipt, name="receipt"),
    path("check/", check_views.check, name="check"),
    path("p/<slug:process>/", views.process, name="process"),
    path("p/<slug:process>/desk/", desk_views.desk, name="desk"),
    path("p/<slug:process>/history/", history_views.history, name="history"),
    path("p/<slug:process>/drafts/new/", drafting_views.new_draft, name="new-draft"),
    path("p/<slug:process>/participants/", participants_views.participants, name="participants"),
    path(
        "p/<slug:process>/participants/<str:username>/withdraw/",
        participants_views.withdraw,
        name="withdraw-accreditation",
    ),
    path("p/<slug:process>/import/", download_views.import_page, name="import"),
    path("p/<slug:process>/invitations/", cosponsor_views.invitations, name="invitations"),
    path("p/<slug:process>/stakeholders/", silence_views.stakeholders, name="stakeholders"),
    path(
        "p/<slug:process>/stakeholders/<int:request_id>/object/",
        silence_views.object_to,
        name="stakeholder-object",
    ),
    path("p/<slug:process>/national-views/", statement_views.national_views, name="national-views"),
    path(
        "p/<slug:process>/national-views/new/",
        statement_views.new_statement,
        name="new-statement",
    ),
    path("p/<slug:process>/chairs-summary/", statement_views.chairs_summary, name="chairs-summary"),
    path("p/<slug:process>/<slug:document>/", views.current_version, name="current-version"),
    path(
        "p/<slug:process>/<slug:document>/explanation/",
        adoption_views.explanation,
        name="explanation",
    ),
    path(
        "p/<slug:process>/<slug:document>/consensus-report/",
        report_views.consensus_report,
        name="consensus-report",
    ),
    path(
        "p/<slug:process>/<slug:document>/consensus-report.json",
        report_views.consensus_report_json,
        name="consensus-report-json",
    ),
    path("p/<slug:process>/<slug:document>/v<int:number>/", views.version, name="version"),
    path("p/<slug:process>/<slug:document>/v<int:number>/redline/", views.redline, name="redline"),
    path(
        "p/<slug:process>/<slug:document>/v<int:number>/compilation/",
        views.compilation,
        name="compilation",
    ),
    path(
        "p/<slug:process>/<slug:document>/v<int:number>/proposals/<int:proposal>/withdraw/",
        views.withdraw,
        name="withdraw",
    ),
    path(
        "p/<slug:process>/<slug:document>/v<int:number>/download/<slug:view>.<slug:fmt>",
        download_views.download,
        name="download",
    ),
    path(
        "p/<slug:process>/<slug:document>/v<int:number>/exports/<int:job>/",
        download_views.export_job,
        name="export-job",
    ),
    path(
        "p/<slug:process>/<slug:document>/v<int:number>/exports/<int:job>/file",
        download_views.export_file,
        name="export-file",
    ),
    path(
        "p/<slug:process>/<slug:document>/v<int:number>/adoption/",
        adoption_views.adoption,
        name="adoption",
    ),
    path(
        "p/<slug:process>/<slug:document>/v<int:number>/recorded-vote/",
        adoption_views.recorded_vote,
        name="recorded-vote",
    ),
    path(
        "p/<slug:process>/<slug:document>/v<int:number>/positions/",
        position_views.board,
        name="positions",
    ),
    path(
        "p/<slug:process>/<slug:document>/v<int:number>/<str:uid>/position/",
        position_views.position,
        name="position",
    ),
    path(
        "p/<slug:process>/<slug:document>/v<int:number>/<str:uid>/propose/",
        views.propose,
        name="propose",
    ),
    path("p/<slug:process>/<slug:document>/revise/", revision_views.revise, name="revise"),
    path(
        "p/<slug:process>/<slug:document>/revise/save/",
        revision_views.save_revision_draft,
        name="revise-save",
    ),
    path(
        "p/<slug:process>/<slug:document>/provisions/<str:uid>/",
        revision_views.provision_history,
        name="provision-history",
    ),
    path(
        "p/<slug:process>/<slug:document>/v<int:number>/status/",
        status_views.board,
        name="status-board",
    ),
    path(
        "p/<slug:process>/<slug:document>/v<int:number>/<str:uid>/status/",
        status_views.mark,
        name="status-mark",
    ),
    path(
        "p/<slug:process>/<slug:document>/provenance/<str:uid>/",
        status_views.provenance,
        name="provenance",
    ),
    path("processes/new/", setup_views.new_process, name="new-process"),
    path(
        "p/<slug:process>/<slug:document>/v<int:number>/proposals/<int:proposal>/invite/",
        cosponsor_views.invite,
        name="invite",
    ),
    path(
        "p/<slug:process>/invitations/<int:proposal>/<str:answer>/",
        cosponsor_views.answer,
        name="answer-invitation",
    ),
    path(
        "p/<slug:process>/<slug:document>/v<int:number>/<str:uid>/propose/preview/",
        views.propose_preview,
        name="propose-preview",
    ),
    path(
        "p/<slug:process>/<slug:document>/v<int:number>/bracketed/",
        bracketed_views.bracketed,
        name="bracketed",
    ),
    path(
        "p/<slug:process>/<slug:document>/v<int:number>/silence/",
        silence_views.silence,
        name="silence",
    ),
    path(
        "p/<slug:process>/silence/<int:procedure>/",
        silence_views.procedure,
        name="silence-procedure",
    ),
    path(
        "p/<slug:process>/silence/<int:procedure>/withdraw/",
        silence_views.withdraw,
        name="silence-withdraw",
    ),
]
