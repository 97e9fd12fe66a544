// VNIndex: see README architecture.
