import sharp from 'sharp'

// libvips' operation cache keeps recent decodes of 24 MP uploads alive for nothing: each image is
// processed once. Measured with `npm run bench:image` (faster and lower peak memory without it).
sharp.cache(false)

export default sharp
