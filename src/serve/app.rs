//! The router: every route, and the layers every response passes through
//! (request id, structured log line, security headers, body limit).

use super::{State, api, assets, pages};
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, Request, header};
use axum::routing::{get, post};
use tower_http::request_id::{
    MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};

/// Nothing but the service's own styles and scripts; no inline code, no
/// frames, forms post only back here.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

pub fn router(state: State) -> Router {
    let body_limit = usize::try_from(state.config.limits.max_file_bytes).unwrap_or(usize::MAX);
    Router::new()
        .route("/", get(pages::check::form))
        .route("/check", get(pages::check::form).post(pages::check::submit))
        .route("/results/{id}", get(pages::result::show))
        .route("/results/{id}/{file}", get(pages::result::download))
        .route("/generate", get(pages::generate::list))
        .route("/generate/{template}", get(pages::generate::form).post(pages::generate::submit))
        .route("/documents/{id}", get(pages::generate::documents))
        .route("/documents/{id}/{file}", get(pages::generate::download))
        .route("/rules", get(pages::rules::list))
        .route("/rules/diff", get(pages::rules::diff))
        .route("/rules/{set}", get(pages::rules::show))
        .route("/rules/{set}/handbook", get(pages::rules::handbook))
        .route("/api/health", get(api::health))
        .route("/api/check", post(api::check))
        .route("/api/results/{id}", get(api::result))
        .route("/api/rulesets", get(api::rulesets))
        .route("/api/rulesets/{name}", get(api::ruleset))
        .route("/api/templates", get(api::templates))
        .route("/api/templates/{template}", get(api::template))
        .route("/api/generate/{template}", post(api::generate))
        .route("/api/openapi.json", get(assets::openapi))
        .route("/api/docs", get(assets::api_docs))
        .route("/assets/{name}", get(assets::asset))
        .fallback(pages::not_found)
        .with_state(state)
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request<_>| {
                    let id = req
                        .headers()
                        .get(REQUEST_ID)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-");
                    tracing::info_span!("request", id, method = %req.method(), path = req.uri().path())
                })
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .layer(SetRequestIdLayer::new(REQUEST_ID, RandomRequestId))
}

/// 64-bit random request ids, in every log line and the `x-request-id`
/// response header.
#[derive(Clone, Copy)]
struct RandomRequestId;

impl MakeRequestId for RandomRequestId {
    fn make_request_id<B>(&mut self, _: &Request<B>) -> Option<RequestId> {
        let mut b = [0u8; 8];
        getrandom::fill(&mut b).ok()?;
        let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
        HeaderValue::from_str(&hex).ok().map(RequestId::new)
    }
}
