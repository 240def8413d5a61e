package latticeq.symmetry;

/** ||A - P A||_F (absolute) and that divided by ||A||_F (relative; 0 when A = 0). */
public record SubspaceDistance(double absolute, double relative) {
    public SubspaceDistance {
        if (!(absolute >= 0) || !(relative >= 0)) {
            throw new IllegalArgumentException("absolute = " + absolute + ", relative = " + relative + ": need both >= 0");
        }
    }
}
