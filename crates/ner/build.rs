//! Embeds `models/ner.bin` when it exists. A fresh checkout always has it (the
//! trained model is committed); the check keeps `dossier train ner` buildable
//! when the file is deleted to retrain from scratch.

fn main() {
    let model = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/ner.bin");
    println!("cargo::rerun-if-changed={}", model.display());
    println!("cargo::rustc-check-cfg=cfg(dossier_ner_model)");
    if model.exists() {
        println!("cargo::rustc-cfg=dossier_ner_model");
    }
}
