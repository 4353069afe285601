//! time expressions: recognition and TIMEX3 normalisation anchored at the article date
