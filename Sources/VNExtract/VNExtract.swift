// VNExtract: see README architecture.
