import { Schema, model, type InferSchemaType } from 'mongoose';

const topicSchema = new Schema(
  {
    _id: { type: String, required: true }, // the slug
    name: { type: String, required: true },
    nameEn: { type: String, required: true },
    description: { type: String, default: '' },
    descriptionEn: { type: String, default: '' },
    order: { type: Number, required: true },
  },
  { timestamps: true },
);
topicSchema.index({ order: 1 });

export type TopicDoc = InferSchemaType<typeof topicSchema> & { _id: string };
export const Topic = model('Topic', topicSchema);
