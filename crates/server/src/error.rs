//! The one error type of the HTTP faces: every failure becomes a status and
//! a JSON body `{"status": 404, "error": "..."}`, with the candidates of an
//! ambiguous name when there are some.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use dossier_query::{ActorCount, QueryError, StoreError};

/// An error answer of the API.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    TooLarge(String),
    #[error("this action needs the server's token: send `Authorization: Bearer TOKEN`")]
    Unauthorized,
    #[error("{0}")]
    Internal(String),
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        ApiError::Query(QueryError::Store(e))
    }
}

/// The body of every error answer.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub status: u16,
    pub error: String,
    /// The actors an ambiguous name may mean (ids, names, types, articles).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schema(value_type = Vec<Object>)]
    pub candidates: Vec<ActorCount>,
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::Query(q) => match q {
                QueryError::UnknownActor { .. } => StatusCode::NOT_FOUND,
                QueryError::AmbiguousActor { .. } => StatusCode::CONFLICT,
                QueryError::BadDate { .. } | QueryError::DateRange { .. } => {
                    StatusCode::BAD_REQUEST
                }
                QueryError::Invalid(_) => StatusCode::BAD_REQUEST,
                QueryError::Store(StoreError::Invalid(_)) => StatusCode::BAD_REQUEST,
                QueryError::Store(StoreError::Busy { .. }) => StatusCode::SERVICE_UNAVAILABLE,
                QueryError::Store(StoreError::ReadOnly { .. }) => StatusCode::FORBIDDEN,
                QueryError::Store(_) => StatusCode::INTERNAL_SERVER_ERROR,
            },
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let candidates = match &self {
            ApiError::Query(QueryError::AmbiguousActor { candidates, .. }) => candidates.clone(),
            _ => Vec::new(),
        };
        let mut response = error_response(status, self.to_string(), candidates);
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}

/// A JSON error answer with this status and message.
pub fn error_response(status: StatusCode, error: String, candidates: Vec<ActorCount>) -> Response {
    let body = ErrorBody {
        status: status.as_u16(),
        error,
        candidates,
    };
    (status, Json(body)).into_response()
}
