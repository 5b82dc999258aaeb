// Simulation-only: $display inside clocked logic.
module display_in_logic(input clk, input [3:0] d, output reg [3:0] q);
  always @(posedge clk) begin
    q <= d;
    $display("d = %d", d);
  end
endmodule
