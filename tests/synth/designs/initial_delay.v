// Simulation-only: an initial block that waits.
module initial_delay(input clk, input [3:0] d, output reg [3:0] q);
  initial begin
    q = 0;
    #10 q = 4'hf;
  end
  always @(posedge clk) q <= d;
endmodule
