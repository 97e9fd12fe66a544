// VNPipeline: see README architecture.
